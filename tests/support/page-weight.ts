import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Bytes as shipped and after gzip -9, which is close to what a CDN sends. */
export interface Size {
	raw: number;
	gzip: number;
}

/** What one built HTML page makes a browser download (first visit, nothing cached). */
export interface PageWeight {
	/** Public path, e.g. "/about". */
	page: string;
	/** The document as sent, inline styles and scripts included. */
	html: Size;
	/** Stylesheets, inline and linked. */
	css: Size;
	/** Linked stylesheets only: with `html`, everything the page downloads before it can paint. */
	linkedCss: Size;
	js: Size;
}

const size = (content: string | Buffer): Size => ({
	raw: Buffer.byteLength(content),
	gzip: gzipSync(content, { level: 9 }).length,
});
const add = (a: Size, b: Size): Size => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
const ZERO: Size = { raw: 0, gzip: 0 };

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === '_astro' ? [] : htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];

/** Every JS module a page loads: scripts, module preloads, island components and renderers, and their imports. */
function jsModules(html: string, clientDir: string): string[] {
	const entries = [
		...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]),
		...[...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*>/g)].map((m) => attr(m[0], 'href')),
		...[...html.matchAll(/<astro-island\b[^>]*>/g)].flatMap((m) => [
			attr(m[0], 'component-url'),
			attr(m[0], 'renderer-url'),
		]),
	].filter((url): url is string => url?.startsWith('/') === true);

	const seen = new Set<string>();
	const visit = (url: string) => {
		const file = join(clientDir, url);
		if (seen.has(url) || !existsSync(file)) return;
		seen.add(url);
		const source = readFileSync(file, 'utf8');
		for (const match of source.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) {
			visit(new URL(match[1] ?? '', `http://x${url}`).pathname);
		}
	};
	entries.forEach(visit);
	return [...seen];
}

/** Measures one page's HTML and everything it loads from `clientDir` (dist/client). */
export function measurePage(page: string, html: string, clientDir: string): PageWeight {
	const inlineCss = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
	const linkedCss = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)]
		.map((m) => attr(m[0], 'href'))
		.filter((href): href is string => href?.startsWith('/') === true)
		.map((href) => readFileSync(join(clientDir, href)));
	const linkedCssSize = linkedCss.map(size).reduce(add, ZERO);
	// JSON-LD blocks are data, not code: browsers never run them.
	const inlineJs = [
		...html.matchAll(/<script\b(?![^>]*\b(?:src=|type="application\/ld\+json"))[^>]*>([\s\S]*?)<\/script>/g),
	].map((m) => m[1] ?? '');
	const linkedJs = jsModules(html, clientDir).map((url) => readFileSync(join(clientDir, url)));
	return {
		page,
		html: size(html),
		css: add(inlineCss.map(size).reduce(add, ZERO), linkedCssSize),
		linkedCss: linkedCssSize,
		js: [...inlineJs, ...linkedJs].map(size).reduce(add, ZERO),
	};
}

/** Measures every prerendered HTML page in `clientDir` (dist/client). */
export function measurePages(clientDir: string): PageWeight[] {
	return htmlFiles(clientDir)
		.map((file) => {
			const page =
				'/' +
				relative(clientDir, file)
					.replace(/(^|\/)index\.html$/, '')
					.replace(/\.html$/, '');
			return measurePage(page, readFileSync(file, 'utf8'), clientDir);
		})
		.sort((a, b) => a.page.localeCompare(b.page));
}

/** Sum of every page's weight. */
export function totalWeight(pages: PageWeight[]): Omit<PageWeight, 'page'> {
	return pages.reduce(
		(total, page) => ({
			html: add(total.html, page.html),
			css: add(total.css, page.css),
			linkedCss: add(total.linkedCss, page.linkedCss),
			js: add(total.js, page.js),
		}),
		{ html: ZERO, css: ZERO, linkedCss: ZERO, js: ZERO },
	);
}
