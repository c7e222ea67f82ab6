const XML_ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;',
};

/**
 * Escapes text for XML element content and attribute values.
 * @example escapeXml('Tom & "Jerry"') // => 'Tom &amp; &quot;Jerry&quot;'
 */
export function escapeXml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
}
