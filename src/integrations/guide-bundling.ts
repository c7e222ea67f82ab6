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

// 2. No article text in the Worker. The content store the Worker's collections read from held
// every guide's MDX source as its `body`: about 330 KB of the 455 KB store at 16 guides, and it
// grew with every guide. Only prerendered pages read a body (reading time, the .md export), and
// they have their own copy of the store, so the Worker's copy is written without them.
const DATA_STORE_ID = '\0astro:data-layer-content';
/** How Astro writes the store when it is one module (not split into chunks): a JSON string literal inside. */
const STORE_HEAD = 'export default JSON.parse(';
const STORE_TAIL = ')';

/** Every list index a flattened value refers to: devalue stores an object's fields and a list's items as indexes. */
function referencedIndexes(values: readonly unknown[]): Set<number> {
	const used = new Set<number>();
	for (const value of values) {
		const parts = Array.isArray(value)
			? value
			: value && typeof value === 'object'
				? Object.values(value)
				: [];
		// Tagged forms (["Map", …], ["Date", "2026-…"]) start with a string; other strings are not indexes.
		for (const part of parts) if (typeof part === 'number' && part >= 0) used.add(part);
	}
	return used;
}

/**
 * A content store as Astro serialises it (devalue's flattened form: a list whose first item is a
 * Map of collection name to a Map of entries, every value given by its index in the list), with
 * the `body` of each entry of `collection` removed. A text nothing refers to any more becomes "".
 */
export function withoutBodies(values: readonly unknown[], collection: string): unknown[] {
	const store = [...values];
	const at = (index: unknown) => (typeof index === 'number' ? store[index] : undefined);
	const collections = store[0];
	if (!Array.isArray(collections) || collections[0] !== 'Map') return store;
	const nameAt = collections.findIndex((index, i) => i % 2 === 1 && at(index) === collection);
	const entries = nameAt > 0 ? at(collections[nameAt + 1]) : undefined;
	if (!Array.isArray(entries) || entries[0] !== 'Map') return store;
	const texts: number[] = [];
	for (let i = 2; i < entries.length; i += 2) {
		const entry = at(entries[i]);
		if (!entry || typeof entry !== 'object' || Array.isArray(entry) || !('body' in entry)) continue;
		const { body, ...rest } = entry as Record<string, unknown>;
		store[entries[i] as number] = rest;
		if (typeof body === 'number') texts.push(body);
	}
	const used = referencedIndexes(store);
	for (const index of texts) if (!used.has(index)) store[index] = '';
	return store;
}

const workerStoreWithoutBodies: Plugin = {
	name: 'loadbearing:worker-store-without-bodies',
	apply: 'build',
	applyToEnvironment: (environment) => environment.name === 'ssr',
	transform: {
		order: 'post',
		handler(code, id) {
			if (id !== DATA_STORE_ID) return undefined;
			const module = code.trim();
			// An empty store, or one split into chunks: left as Astro wrote it.
			if (!module.startsWith(STORE_HEAD) || !module.endsWith(STORE_TAIL)) return undefined;
			const literal = module.slice(STORE_HEAD.length, -STORE_TAIL.length);
			const values = JSON.parse(JSON.parse(literal) as string) as unknown[];
			const trimmed = JSON.stringify(withoutBodies(values, 'guides'));
			return { code: `${STORE_HEAD}${JSON.stringify(trimmed)}${STORE_TAIL}`, map: null };
		},
	},
};

// 3. Few chunks for prerendering. Each guide became two chunks of the prerender build. When the
// pages prerendered in workerd, Miniflare serialised every chunk into workerd's config first, and
// its Cap'n Proto encoder slowed with the number of modules faster than linearly (a CPU profile
// at 300 guides: 9 s in serializeConfig → setText → allocateSegment; about 2 minutes at 1,000).
// Builds now prerender in Node (node-prerendering.ts), and the groups still pay for themselves
// in memory: at 1,000 guides the build's peak was 1.29 GB with them, 1.51 GB without.
// Grouped into chunks of about 2 MB, a thousand guides are a handful of modules.
const GUIDE_MODULE = /[\\/]content[\\/]guides[\\/][^?]*\.mdx/;
const GUIDE_CHUNK_BYTES = 2 * 1024 * 1024;

// 4. Each MDX module starts with Astro's "use astro:head-inject" marker, which rolldown warns it may
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
						plugins: [leaveOutContentModules, workerStoreWithoutBodies, quietHeadInjectWarnings],
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
