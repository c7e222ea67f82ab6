// Every page inlines the styles of every component its build chunk may use: a guide carries the
// calculators' tables, the diagrams and the series navigation whether it shows them or not, about
// a third of its first round trip. A page that runs no script cannot gain a class after it loads,
// so a rule whose selectors all need a class (or an Astro scope) that no element of the page has
// can never match there, and the page is sent without it.

/** What a page's elements carry that a selector may require: class names and Astro scope ids. */
export interface PageMarkers {
	classes: ReadonlySet<string>;
	/** Astro's scoped-style ids, from attributes `data-astro-cid-<id>`. */
	scopes: ReadonlySet<string>;
}

const TAG = /<([a-z][a-z0-9-]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi;
const CLASS_ATTRIBUTE = /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const SCOPE_ATTRIBUTE = /\bdata-astro-cid-([a-z0-9]+)/gi;
const RAW_TEXT = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Scripts other than data blocks (JSON-LD): any of them could add a class at run time. */
const RUNNING_SCRIPT = /<script\b(?![^>]*\btype\s*=\s*["']?application\/(?:ld\+)?json)[^>]*>/i;

/** Whether `html` runs any script (module, classic or inline); data blocks do not count. */
export function runsScripts(html: string): boolean {
	return RUNNING_SCRIPT.test(html);
}

/**
 * The class names and Astro scope ids on the elements of `html`.
 * @example pageMarkers('<p class="a b" data-astro-cid-x1>').classes // => Set { 'a', 'b' }
 */
export function pageMarkers(html: string): PageMarkers {
	const classes = new Set<string>();
	const scopes = new Set<string>();
	for (const [, , attributes = ''] of html.replace(RAW_TEXT, '').matchAll(TAG)) {
		const match = CLASS_ATTRIBUTE.exec(attributes);
		for (const name of (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').split(/\s+/))
			if (name) classes.add(name);
		for (const [, scope = ''] of attributes.matchAll(SCOPE_ATTRIBUTE)) scopes.add(scope.toLowerCase());
	}
	return { classes, scopes };
}

/** Index just past the block that opens at `css[open] === '{'`, skipping strings inside it. */
function blockEnd(css: string, open: number): number {
	let depth = 0;
	for (let index = open; index < css.length; index++) {
		const char = css[index];
		if (char === '"' || char === "'") {
			const close = css.indexOf(char, index + 1);
			index = close === -1 ? css.length : close;
		} else if (char === '{') depth++;
		else if (char === '}' && --depth === 0) return index + 1;
	}
	return css.length;
}

/** `list` split at its top-level commas (not those inside `:is(…)` or `[…]`). */
function splitSelectorList(list: string): string[] {
	const parts: string[] = [];
	let depth = 0;
	let start = 0;
	for (let index = 0; index < list.length; index++) {
		const char = list[index];
		if (char === '(' || char === '[') depth++;
		else if (char === ')' || char === ']') depth--;
		else if (char === ',' && depth === 0) {
			parts.push(list.slice(start, index));
			start = index + 1;
		}
	}
	parts.push(list.slice(start));
	return parts;
}

/**
 * Whether `selector` could match an element of a page with `markers`. Only what the selector
 * itself demands counts: classes and scopes inside `:not()`, `:is()`, `:has()` and the like are
 * not required of the element, so they never rule it out. Anything unusual (escapes) is kept.
 */
export function mayMatch(selector: string, markers: PageMarkers): boolean {
	if (selector.includes('\\')) return true;
	let depth = 0;
	let outside = '';
	for (const char of selector) {
		if (char === '(') depth++;
		else if (char === ')') depth--;
		else if (depth === 0) outside += char;
	}
	for (const [, name = ''] of outside.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g))
		if (!markers.classes.has(name)) return false;
	for (const [, scope = ''] of outside.matchAll(/\[data-astro-cid-([a-z0-9]+)/gi))
		if (!markers.scopes.has(scope.toLowerCase())) return false;
	return true;
}

/** Grouping at-rules whose contents are ordinary rules; anything else is kept whole. */
const GROUPING = /^@(media|supports|container|layer)\b/i;

/**
 * `css` without the rules none of whose selectors may match on a page with `markers`, and with
 * the selectors that cannot match taken out of the rules that stay. At-rules that group rules
 * (`@media`, `@supports`, …) are pruned inside and dropped when left empty; others
 * (`@font-face`, `@keyframes`, …) and rules that nest rules are kept as written.
 * @example pruneUnusedCss('.a{color:red}.b{color:blue}', { classes: new Set(['a']), scopes: new Set() }) // => '.a{color:red}'
 */
export function pruneUnusedCss(css: string, markers: PageMarkers): string {
	let out = '';
	let cursor = 0;
	while (cursor < css.length) {
		const open = css.indexOf('{', cursor);
		const semicolon = css.indexOf(';', cursor);
		// A statement at-rule (`@import …;`, `@layer a, b;`) before the next block: keep it.
		if (semicolon !== -1 && (open === -1 || semicolon < open)) {
			out += css.slice(cursor, semicolon + 1);
			cursor = semicolon + 1;
			continue;
		}
		if (open === -1) {
			out += css.slice(cursor);
			break;
		}
		const end = blockEnd(css, open);
		const prelude = css.slice(cursor, open);
		const body = css.slice(open + 1, end - 1);
		cursor = end;
		const head = prelude.trim();
		if (head.startsWith('@')) {
			if (!GROUPING.test(head)) out += prelude + '{' + body + '}';
			else {
				const inner = pruneUnusedCss(body, markers);
				if (inner.trim()) out += prelude + '{' + inner + '}';
			}
			continue;
		}
		if (body.includes('{')) {
			out += prelude + '{' + body + '}';
			continue;
		}
		const kept = splitSelectorList(prelude).filter((selector) => mayMatch(selector, markers));
		if (kept.length > 0) out += kept.join(',') + '{' + body + '}';
	}
	return out;
}

const INLINE_STYLE = /(<style\b[^>]*>)([\s\S]*?)(<\/style\s*>)/gi;

/** A page's inline style before and after its unused rules were taken out. */
export interface TrimmedStyle {
	from: string;
	to: string;
}

/**
 * `html` with each inline style pruned for the page's own elements, and the styles that changed
 * (so the CSP can swap their hashes); unchanged when the page runs a script.
 * @example pruneInlineStyles('<style>.a{x:1}.b{x:2}</style><p class="a">').html // => '<style>.a{x:1}</style><p class="a">'
 */
export function pruneInlineStyles(html: string): { html: string; trimmed: TrimmedStyle[] } {
	const trimmed: TrimmedStyle[] = [];
	if (runsScripts(html)) return { html, trimmed };
	const markers = pageMarkers(html);
	const pruned = html.replace(INLINE_STYLE, (_match, open: string, css: string, close: string) => {
		const to = pruneUnusedCss(css, markers);
		if (to !== css) trimmed.push({ from: css, to });
		return open + to + close;
	});
	return { html: pruned, trimmed };
}
