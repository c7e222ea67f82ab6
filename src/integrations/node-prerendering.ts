// Builds prerender the static pages in Node rather than in workerd (the Cloudflare adapter's
// `prerenderEnvironment: 'node'`), because workerd prerendering costs memory in proportion to
// the guides: Miniflare encodes every prerender chunk into workerd's config (a few hundred MB
// of transient buffers in the build process at 1,000 guides) and the workerd process that loads
// them held another ~430 MB. `npm run bench:build` measures it. `astro dev` and `astro preview`
// keep workerd for every page: in dev the option would move static pages to Node as well.
//
// Prerendered pages read no bindings: the middleware skips its services when
// `context.isPrerendered`, and only on-demand routes import from src/server. But the middleware
// module imports `env` from `cloudflare:workers` (through src/server/bindings.ts), which Node
// cannot load, so the prerender build gets a stand-in whose bindings fail loudly if read.
import cloudflare from '@astrojs/cloudflare';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

const WORKERS_MODULE = 'cloudflare:workers';
const STAND_IN_ID = '\0loadbearing:prerender-workers-env';

const STAND_IN = `export const env = new Proxy({}, {
	get(_target, name) {
		if (typeof name === 'symbol') return undefined;
		throw new Error(\`env.\${name} was read while prerendering: static pages get no bindings (src/integrations/node-prerendering.ts)\`);
	},
});`;

const workersEnvStandIn: Plugin = {
	name: 'loadbearing:prerender-workers-env',
	apply: 'build',
	applyToEnvironment: (environment) => environment.name === 'prerender',
	resolveId: {
		// Ahead of the adapter's own hook, which marks every `cloudflare:` import external.
		order: 'pre',
		handler: (id) => (id === WORKERS_MODULE ? STAND_IN_ID : undefined),
	},
	load: (id) => (id === STAND_IN_ID ? STAND_IN : undefined),
};

// The static pages' inline CSS comes from the prerender build. Under workerd that build took
// the Cloudflare plugin's CSS target for Workers ("es2024", in @cloudflare/vite-plugin's
// createCloudflareEnvironmentOptions), which lowers newer syntax such as light-dark(); in Node it
// would take Astro's "esnext", giving each page a second, differently lowered copy of its styles.
// Astro rebuilds the prerender environment's `build` options, so this is set per environment.
const WORKER_CSS_TARGET = 'es2024';

const workerCssTarget: Plugin = {
	name: 'loadbearing:prerender-css-target',
	apply: 'build',
	configEnvironment: (name) =>
		name === 'prerender' ? { build: { cssTarget: WORKER_CSS_TARGET } } : undefined,
};

type AdapterOptions = NonNullable<Parameters<typeof cloudflare>[0]>;
type Hooks = AstroIntegration['hooks'];

/** The Cloudflare adapter, prerendering in Node for `astro build` and in workerd otherwise. */
export function cloudflareAdapter(options: Omit<AdapterOptions, 'prerenderEnvironment'>): AstroIntegration {
	const building = cloudflare({ ...options, prerenderEnvironment: 'node' });
	const serving = cloudflare(options);
	let chosen = serving;
	// Every later hook goes to the adapter the command chose in astro:config:setup.
	const hooks = Object.fromEntries(
		Object.keys(building.hooks).map((name) => [
			name,
			(...args: unknown[]) => (chosen.hooks[name as keyof Hooks] as (...a: unknown[]) => unknown)?.(...args),
		]),
	) as Hooks;
	hooks['astro:config:setup'] = async (setup) => {
		chosen = setup.command === 'build' ? building : serving;
		await chosen.hooks['astro:config:setup']?.(setup);
		if (chosen === building) setup.updateConfig({ vite: { plugins: [workersEnvStandIn, workerCssTarget] } });
	};
	return { name: building.name, hooks };
}
