import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const alias = { '~': fileURLToPath(new URL('../src', import.meta.url)) };

/**
 * Runtime tests that start their own Worker (or read the build alone), apart from the shared
 * server: they run in a second vitest process beside the others (tests/support/run-runtime.ts),
 * since most of both groups' time is waiting on retries and queues, not CPU.
 */
const OWN_SERVER_TESTS = [
	'content-build',
	'dev-search',
	'limits',
	'page-weight',
	'price-watch',
	'tracing',
	'turnstile',
].map((name) => `tests/runtime/${name}.test.ts`);

export default defineConfig({
	root,
	resolve: { alias },
	test: {
		projects: [
			{
				// Pure logic from src/lib (and the binding-free parts of src/server) in plain Node.
				resolve: { alias },
				test: { name: 'unit', root, include: ['tests/unit/**/*.test.ts'], environment: 'node' },
			},
			{
				// HTTP against the built Worker on local workerd (astro preview), with fresh local D1.
				resolve: { alias },
				test: {
					name: 'runtime',
					root,
					include: ['tests/runtime/**/*.test.ts'],
					exclude: OWN_SERVER_TESTS,
					environment: 'node',
					globalSetup: ['tests/runtime/global-setup.ts'],
					setupFiles: ['tests/runtime/stale-connection-retry.ts'],
					// These run beside the runtime-own group on CI's two cores; a test that reads D1
					// (one wrangler process per query, 1–3 s each there) took 13 s alone and 21 s in the suite.
					testTimeout: 45_000,
					hookTimeout: 120_000,
				},
			},
			{
				resolve: { alias },
				test: {
					name: 'runtime-own',
					root,
					include: OWN_SERVER_TESTS,
					environment: 'node',
					globalSetup: ['tests/runtime/build-setup.ts'],
					setupFiles: ['tests/runtime/stale-connection-retry.ts'],
					testTimeout: 20_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
});
