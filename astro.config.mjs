// @ts-check
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execSync } from 'node:child_process';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import { pagefindSearch } from './src/integrations/pagefind-search.ts';
import { afterPaintDirective } from './src/integrations/after-paint-directive.ts';
import { guideBundling } from './src/integrations/guide-bundling.ts';
import { satteri } from '@astrojs/markdown-satteri';
import { headingSectionsPlugin } from './src/integrations/heading-sections.ts';
import { buildMemory } from './src/integrations/build-memory.ts';
import { cloudflareAdapter } from './src/integrations/node-prerendering.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** "0.1.0+abc1234" when built from a git checkout, plain "0.1.0" otherwise. */
function buildVersion() {
	try {
		const sha = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] });
		return `${version}+${sha.toString().trim()}`;
	} catch {
		return version;
	}
}

export default defineConfig({
	site: 'https://loadbearing.dev',
	trailingSlash: 'never',
	build: {
		format: 'file',
		// Styles go inline: a <link rel="stylesheet"> in <head> holds back the first paint by a
		// request. Astro hashes every inline sheet into the CSP's style-src (tests/runtime/first-paint.test.ts).
		inlineStylesheets: 'always',
	},
	// The Cloudflare adapter; builds prerender the static pages in Node, which takes far less memory
	// than workerd at a thousand guides (src/integrations/node-prerendering.ts).
	adapter: cloudflareAdapter({ imageService: 'compile' }),
	integrations: [mdx(), preact(), afterPaintDirective(), buildMemory(), pagefindSearch(), guideBundling()],
	markdown: { syntaxHighlight: 'prism', processor: satteri({ hastPlugins: [headingSectionsPlugin] }) },
	security: {
		// src/middleware.ts refuses cross-site writes for every content type, JSON included.
		checkOrigin: false,
		csp: {
			directives: [
				"default-src 'self'",
				"img-src 'self' data:",
				"connect-src 'self'",
				"object-src 'none'",
				"base-uri 'self'",
				"form-action 'self'",
			],
		},
	},
	vite: {
		// Our trimmed Preact hydration entry (src/islands/preact-client.ts says why).
		resolve: {
			alias: [
				{
					find: /^@astrojs\/preact\/client\.js$/,
					replacement: fileURLToPath(new URL('./src/islands/preact-client.ts', import.meta.url)),
				},
			],
		},
		define: { __APP_VERSION__: JSON.stringify(buildVersion()) },
		build: {
			rolldownOptions: {
				output: {
					// The Cloudflare adapter adds this `process` shim as a banner to every chunk, browser
					// chunks (_astro/*) included, where it is dead weight; keep it for the Worker's chunks only.
					banner: (chunk) =>
						chunk.fileName.startsWith('_astro/')
							? ''
							: 'globalThis.process ??= {}; globalThis.process.env ??= {};',
					// Preact, its hooks and JSX runtime in one chunk: every island needs all three, and
					// three small files cost more bytes and requests than one. Likewise the parts every
					// calculator shares (form, table, charts, field rules) in one: a page loads one shared
					// file, not four, and gzip works across all of it (about 750 bytes less per page).
					codeSplitting: {
						groups: [
							{ name: 'preact', priority: 2, test: /[\\/]node_modules[\\/]preact[\\/]/ },
							// The estimate tray, its store and what it formats with: every tool page loads it, so
							// pages without a calculator need not load the calculators' shared chunk.
							{
								name: 'estimate',
								priority: 1,
								test: /[\\/](node_modules[\\/]nanostores[\\/]|src[\\/](islands[\\/](EstimateTray|estimate-store)|lib[\\/](estimate[\\/]items|format[\\/]money)))/,
							},
							{
								name: 'calculator',
								test: /[\\/]src[\\/](islands[\\/](parts[\\/](?!LineChart|BarChart)|use-calculator)|lib[\\/](calculators[\\/](fields|start)\.ts|format[\\/]money|pricing[\\/](line-item|estimate-base|staleness|catalog)\.ts))/,
							},
						],
					},
				},
			},
		},
	},
});
