// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{
		ignores: [
			'dist/',
			'.astro/',
			'.wrangler/',
			'node_modules/',
			'test-results/',
			'src/worker-configuration.d.ts',
		],
	},
	{ linterOptions: { reportUnusedDisableDirectives: 'error' } },
	js.configs.recommended,
	...tseslint.configs.recommended,
	...astro.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			// TypeScript already reports undefined names, and knows about declared globals.
			'no-undef': 'off',
			// `_`-prefixed names are deliberate leftovers of destructuring.
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
		},
	},
	{
		// The architecture's one hard rule: pure domain logic (see docs/architecture.md).
		files: ['src/lib/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['astro', 'astro:*', 'astro/*', '@astrojs/*'],
							message: 'src/lib stays framework-free.',
						},
						{
							group: ['cloudflare:*', '~/server/*', '**/server/*'],
							message: 'src/lib must not touch bindings or I/O.',
						},
					],
				},
			],
		},
	},
	prettier,
);
