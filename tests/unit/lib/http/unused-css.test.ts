import { describe, expect, it } from 'vitest';
import { mayMatch, pageMarkers, pruneInlineStyles, pruneUnusedCss, runsScripts } from '~/lib/http/unused-css';

const markers = (classes: string[], scopes: string[] = []) => ({
	classes: new Set(classes),
	scopes: new Set(scopes),
});

describe('pageMarkers', () => {
	it('collects the classes and Astro scopes of elements, not the text of styles or scripts', () => {
		const html = [
			'<body class="page  dark" data-astro-cid-ab12>',
			"<p class='lede'>.ghost is text</p><span class=note>",
			'<style>.from-css{}</style><script type="application/ld+json">{"class":"from-json"}</script>',
			'<svg><rect class="node" data-astro-cid-CD34="true"/></svg>',
		].join('');
		const found = pageMarkers(html);
		expect([...found.classes].sort()).toEqual(['dark', 'lede', 'node', 'note', 'page']);
		expect([...found.scopes].sort()).toEqual(['ab12', 'cd34']);
	});
});

describe('runsScripts', () => {
	it('counts module, classic and inline scripts but not JSON-LD data blocks', () => {
		expect(runsScripts('<script type="application/ld+json">{}</script>')).toBe(false);
		expect(runsScripts('<script type="module" src="/_astro/a.js"></script>')).toBe(true);
		expect(runsScripts('<script>document.body.className = "x"</script>')).toBe(true);
	});
});

describe('mayMatch', () => {
	const page = markers(['card', 'title'], ['x1']);

	it('needs every class and scope the selector itself names', () => {
		expect(mayMatch('.card .title', page)).toBe(true);
		expect(mayMatch('.card .missing', page)).toBe(false);
		expect(mayMatch('.title[data-astro-cid-x1]', page)).toBe(true);
		expect(mayMatch('.title[data-astro-cid-y2]', page)).toBe(false);
	});

	it('keeps selectors with no class, and never rules out on what :not() or :is() name', () => {
		expect(mayMatch('main > p:first-child', page)).toBe(true);
		expect(mayMatch('.card:not(.missing)', page)).toBe(true);
		expect(mayMatch(':is(.missing, h2)', page)).toBe(true);
		expect(mayMatch('.card:has(.missing)', page)).toBe(true);
	});

	it('keeps a selector with escapes rather than guess at it', () => {
		expect(mayMatch('.md\\:wide', page)).toBe(true);
	});
});

describe('pruneUnusedCss', () => {
	const page = markers(['card'], ['x1']);

	it('drops rules that cannot match and keeps the rest byte for byte', () => {
		const css = ':root{--a:1}.card{color:red}.gone{color:blue}h1,h2{margin:0}';
		expect(pruneUnusedCss(css, page)).toBe(':root{--a:1}.card{color:red}h1,h2{margin:0}');
	});

	it('drops the selectors of a list that cannot match and keeps the ones that can', () => {
		expect(pruneUnusedCss('.gone,.card:is(a,b),.other{x:1}', page)).toBe('.card:is(a,b){x:1}');
	});

	it('prunes inside @media and drops the block when nothing is left in it', () => {
		const css = '@media (width>=64rem){.card{x:1}.gone{x:2}}@media print{.gone{x:3}}';
		expect(pruneUnusedCss(css, page)).toBe('@media (width>=64rem){.card{x:1}}');
	});

	it('keeps at-rules it does not group by, statements, and rules that nest rules', () => {
		const css =
			'@import "a.css";@font-face{font-family:x;src:url(x.woff2)}@keyframes spin{to{rotate:1turn}}.gone{&:hover{x:1}}';
		expect(pruneUnusedCss(css, page)).toBe(css);
	});

	it('is not fooled by braces inside strings', () => {
		const css = '.gone:before{content:"}"}.card:after{content:"{"}';
		expect(pruneUnusedCss(css, page)).toBe('.card:after{content:"{"}');
	});
});

describe('pruneInlineStyles', () => {
	it('prunes each inline style for the page and reports what changed', () => {
		const html = '<style>.a{x:1}.b{x:2}</style><style>p{y:1}</style><p class="a">';
		expect(pruneInlineStyles(html)).toEqual({
			html: '<style>.a{x:1}</style><style>p{y:1}</style><p class="a">',
			trimmed: [{ from: '.a{x:1}.b{x:2}', to: '.a{x:1}' }],
		});
	});

	it('leaves a page that runs a script as it is, since a script may add any class', () => {
		const html = '<style>.b{x:2}</style><script type="module" src="/a.js"></script><p class="a">';
		expect(pruneInlineStyles(html)).toEqual({ html, trimmed: [] });
	});
});
