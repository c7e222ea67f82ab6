// How the guides' compiled MDX is bundled, so the build stays fast as guides are added.
//
// 1. Out of the Worker. Astro's content runtime imports a map of
// every MDX entry's module (`astro:content-module-imports`, written to .astro/content-modules.mjs),
// so any on-demand route that reads a collection (the tools read price sheets) pulled every guide
// into the Worker's build as well. No on-demand route renders a guide: guides are prerendered,
// by the separate `prerender` build, which keeps the real map. Without this, each guide was
// compiled twice and the Worker grew by four chunks per guide.
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

/** Astro's virtual id for the map, and the file it resolves to once content is synced. */
const RESOLVED_IDS = ['\0astro:content-module-imports'];
const SYNCED_FILE = /[\\/]\.astro[\\/]content-modules\.mjs$/;

// A map whose lookups fail loudly, so an on-demand render() says what happened and where to look.
const EMPTY_MAP = `export default { get(path) { throw new Error(
	\`\${path} is not in the Worker: render MDX content only on prerendered pages (src/integrations/guide-bundling.ts)\`,
); } };`;

const leaveOutContentModules: Plugin = {
	name: 'loadbearing:worker-without-guide-modules',
	apply: 'build',
	enforce: 'pre',
	// `ssr` is the Worker's build; `prerender` builds the static pages.
	applyToEnvironment: (environment) => environment.name === 'ssr',
	load: {
		order: 'pre',
		handler(id) {
			return RESOLVED_IDS.includes(id) || SYNCED_FILE.test(id) ? EMPTY_MAP : undefined;
		},
	},
};

// 2. Few chunks for prerendering. Each guide became two chunks of the prerender build. When the
// pages prerendered in workerd, Miniflare serialised every chunk into workerd's config first, and
// its Cap'n Proto encoder slowed with the number of modules faster than linearly (a CPU profile
// at 300 guides: 9 s in serializeConfig → setText → allocateSegment; about 2 minutes at 1,000).
// Builds now prerender in Node (node-prerendering.ts), and the groups still pay for themselves
// in memory: at 1,000 guides the build's peak was 1.29 GB with them, 1.51 GB without.
// Grouped into chunks of about 2 MB, a thousand guides are a handful of modules.
const GUIDE_MODULE = /[\\/]content[\\/]guides[\\/][^?]*\.mdx/;
const GUIDE_CHUNK_BYTES = 2 * 1024 * 1024;

// 3. Each MDX module starts with Astro's "use astro:head-inject" marker, which rolldown warns it may
// not keep when bundling. The pages come out right regardless (platform notes §9 calls it
// harmless), and it is one boxed warning per guide: a thousand of them at a thousand guides.
const quietHeadInjectWarnings: Plugin = {
	name: 'loadbearing:quiet-head-inject-warnings',
	apply: 'build',
	onLog(_level, log) {
		return !(log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject'));
	},
};

export function guideBundling(): AstroIntegration {
	return {
		name: 'loadbearing:guide-bundling',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				updateConfig({
					vite: {
						plugins: [leaveOutContentModules, quietHeadInjectWarnings],
						environments: {
							prerender: {
								build: {
									rolldownOptions: {
										output: {
											codeSplitting: {
												groups: [{ name: 'guides', test: GUIDE_MODULE, maxSize: GUIDE_CHUNK_BYTES }],
											},
										},
									},
								},
							},
						},
					},
				});
			},
		},
	};
}
