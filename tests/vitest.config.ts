import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));
const alias = { '~': fileURLToPath(new URL('../src', import.meta.url)) };

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
					environment: 'node',
					globalSetup: ['tests/runtime/global-setup.ts'],
					setupFiles: ['tests/runtime/stale-connection-retry.ts'],
					testTimeout: 20_000,
					hookTimeout: 120_000,
				},
			},
		],
	},
});
