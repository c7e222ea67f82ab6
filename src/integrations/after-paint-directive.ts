import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Registers `client:after-paint` (src/islands/after-paint.ts says what it does and why). */
export function afterPaintDirective(): AstroIntegration {
	return {
		name: 'loadbearing:after-paint-directive',
		hooks: {
			'astro:config:setup': ({ addClientDirective }) =>
				addClientDirective({
					name: 'after-paint',
					// A path: Astro bundles the directive with esbuild, which does not take file: URLs.
					entrypoint: fileURLToPath(new URL('../islands/after-paint.ts', import.meta.url)),
				}),
		},
	};
}

declare module 'astro' {
	interface AstroClientDirectives {
		'client:after-paint'?: boolean;
	}
}
