const HTML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

/**
 * Text made safe to place in HTML, in an element or a quoted attribute.
 * @example escapeHtml('<a href="x">') // => '&lt;a href=&quot;x&quot;&gt;'
 */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}
