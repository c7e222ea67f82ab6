// Astro writes the hash of every inline script and style of the whole build into every page's
// Content-Security-Policy (26 style hashes where a page has two or three blocks). The page pays
// for that in its first round trip: about 2 KB of header on an on-demand page, a 2 KB <meta> on a
// static one. A hash no element of the page matches allows nothing there, so the policy sent with
// a page keeps only the hashes of that page's own inline blocks; every other source stays.

/** The inline blocks of a page a CSP hash must match, by the directive that governs them. */
export interface InlineSources {
	scripts: string[];
	styles: string[];
}

const INLINE_BLOCK = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
// Data blocks (JSON-LD, import maps aside) are never run, so CSP does not apply to them.
const DATA_SCRIPT = /\btype\s*=\s*["']?application\/(ld\+)?json/i;
const EXTERNAL = /\bsrc\s*=/i;
const HASH_SOURCE = /^'sha(256|384|512)-[A-Za-z0-9+/_-]+=*'$/;
const CSP_META = /(<meta\s+http-equiv="content-security-policy"\s+content=")([^"]*)(")/i;

/**
 * The text of each inline `<script>` and `<style>` in `html`.
 * @example inlineSources('<style>a{}</style><script src="/x.js"></script>') // => { scripts: [], styles: ['a{}'] }
 */
export function inlineSources(html: string): InlineSources {
	const found: InlineSources = { scripts: [], styles: [] };
	for (const [, tag = '', attributes = '', text = ''] of html.matchAll(INLINE_BLOCK)) {
		if (tag.toLowerCase() === 'style') found.styles.push(text);
		else if (!EXTERNAL.test(attributes) && !DATA_SCRIPT.test(attributes)) found.scripts.push(text);
	}
	return found;
}

/**
 * `policy` with every hash source that is not in `used` taken out (`used` holds sources as they
 * are written, quotes included: `'sha256-…'`). Directives, keywords and hosts are kept as they are.
 * @example keepUsedHashes("style-src 'self' 'sha256-a=' 'sha256-b='", new Set(["'sha256-b='"])) // => "style-src 'self' 'sha256-b='"
 */
export function keepUsedHashes(policy: string, used: ReadonlySet<string>): string {
	return mapSources(policy, (source) => (!HASH_SOURCE.test(source) || used.has(source) ? source : null));
}

/**
 * `policy` with each hash source that is a key of `replacements` swapped for its value: the hash
 * of a block the site rewrote (a trimmed stylesheet) takes the place of the block Astro hashed, so
 * what the policy allows still derives from the build and never from what a page happens to hold.
 * @example replaceHashes("style-src 'self' 'sha256-a='", new Map([["'sha256-a='", "'sha256-b='"]])) // => "style-src 'self' 'sha256-b='"
 */
export function replaceHashes(policy: string, replacements: ReadonlyMap<string, string>): string {
	if (replacements.size === 0) return policy;
	return mapSources(policy, (source) => replacements.get(source) ?? source);
}

/** `policy` with each directive's sources passed through `change` (null drops one), names kept. */
function mapSources(policy: string, change: (source: string) => string | null): string {
	return policy
		.split(';')
		.map((directive) => {
			const [name = '', ...sources] = directive.trim().split(/\s+/);
			return [name, ...sources.map(change).filter((source) => source !== null)].join(' ');
		})
		.filter(Boolean)
		.join('; ');
}

/** The policy of a page's `<meta http-equiv="content-security-policy">`, or null when it has none. */
export function metaPolicy(html: string): string | null {
	return CSP_META.exec(html)?.[2] ?? null;
}

/**
 * `html` with the policy of its CSP `<meta>` replaced by `policy` (unchanged if it has no such meta).
 * @example withMetaPolicy('<meta http-equiv="content-security-policy" content="a">', 'b') // => '<meta http-equiv="content-security-policy" content="b">'
 */
export function withMetaPolicy(html: string, policy: string): string {
	return html.replace(
		CSP_META,
		(_match, start: string, _old: string, end: string) => `${start}${policy}${end}`,
	);
}
