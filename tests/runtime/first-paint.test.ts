import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { url } from './http';

// Pages a visitor reads or works in: a stylesheet in <head> would hold back their first paint,
// so their styles are inline, and the Content-Security-Policy must allow each inline block.
const PAGES = [
	'/',
	'/about',
	'/guides',
	'/guides/observability',
	'/guides/tags/architecture',
	'/authors/loadbearing-team',
	'/status',
	'/tools',
	'/tools/hosting',
	'/tools/stack-advisor',
	'/tools/estimate',
	'/contact',
	'/this-page-does-not-exist',
];

/**
 * Every policy the browser enforces on the page: the header and any `<meta http-equiv>` one.
 * A resource must pass all of them (CSP3 §8.1, "Multiple policies").
 */
function policiesOf(response: Response, html: string): string[] {
	const header = response.headers.get('content-security-policy');
	const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]+)"/g)].map(
		(m) => m[1] ?? '',
	);
	return [...(header ? [header] : []), ...metas];
}

/** The sources a policy lists for `directive`, falling back to default-src as CSP3 does; undefined when unrestricted. */
function sourcesFor(policy: string, directive: 'style-src' | 'script-src'): string[] | undefined {
	const directives = new Map(
		policy
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...sources]) => [name?.toLowerCase(), sources]),
	);
	return directives.get(directive) ?? directives.get('default-src');
}

/** Whether `policy` lets an inline block with this text run or apply (by its sha256, as hashed sources are). */
function allowsInline(policy: string, directive: 'style-src' | 'script-src', text: string): boolean {
	const sources = sourcesFor(policy, directive);
	if (sources === undefined) return true;
	const hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
	return sources.includes(hash);
}

/** Text of each inline element; JSON-LD is data the browser never runs, so CSP does not apply to it. */
const inlineBlocks = (html: string, tag: 'style' | 'script') =>
	[...html.matchAll(new RegExp(`<${tag}\\b([^>]*)>([\\s\\S]*?)</${tag}>`, 'g'))]
		.filter(([, attributes = '']) => !/\bsrc=|type="application\/ld\+json"/.test(attributes))
		.map(([, , text = '']) => text);

describe.each(PAGES)('%s', (path) => {
	it('loads no stylesheet before its first paint', async () => {
		const html = await (await fetch(url(path))).text();
		const head = /<head>[\s\S]*?<\/head>/.exec(html)?.[0] ?? '';
		expect(head).not.toMatch(/<link\b[^>]*rel="stylesheet"/);
		expect(inlineBlocks(html, 'style').length).toBeGreaterThan(0);
	});

	it('has every inline style and script allowed by the policies it is sent with', async () => {
		const response = await fetch(url(path));
		const html = await response.text();
		const policies = policiesOf(response, html);
		expect(policies.some((policy) => sourcesFor(policy, 'style-src') !== undefined)).toBe(true);
		for (const policy of policies) {
			for (const style of inlineBlocks(html, 'style'))
				expect(allowsInline(policy, 'style-src', style), `style ${style.slice(0, 60)}`).toBe(true);
			for (const script of inlineBlocks(html, 'script'))
				expect(allowsInline(policy, 'script-src', script), `script ${script.slice(0, 60)}`).toBe(true);
		}
	});

	it('lists the hashes of its own inline blocks only, so its policy stays small', async () => {
		const response = await fetch(url(path));
		const html = await response.text();
		const own = new Set(
			[...inlineBlocks(html, 'style'), ...inlineBlocks(html, 'script')].map(
				(text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`,
			),
		);
		for (const policy of policiesOf(response, html)) {
			const hashes = policy.match(/'sha(256|384|512)-[^']+'/g) ?? [];
			expect(hashes.filter((hash) => !own.has(hash))).toEqual([]);
		}
	});
});

describe('a page that runs no script', () => {
	it('is sent without the style rules its elements can never match', async () => {
		const html = await (await fetch(url('/guides/observability'))).text();
		const css = inlineBlocks(html, 'style').join('');
		expect(inlineBlocks(html, 'script')).toEqual([]);
		// The banner of a preview build's guides, absent from a published guide, and its scope.
		expect(html).not.toContain('preview-banner');
		expect(css).not.toContain('.preview-banner');
		expect(css).toContain('.prose-body');
	});
});
