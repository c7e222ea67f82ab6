/**
 * Turns a guide's MDX body into plain Markdown for `/guides/<slug>.md` and LLM readers:
 * import lines go, and the editor components become their Markdown equivalents.
 * @example mdxToMarkdown('<Callout type="warning">Back up first.</Callout>') // => '> **Warning:** Back up first.'
 */
export function mdxToMarkdown(mdx: string): string {
	return mdx
		.replace(/^(import|export)\s.*\n?/gm, '')
		.replace(/<Callout\b([^>]*)>([\s\S]*?)<\/Callout>/g, (_all, attrs: string, body: string) => {
			const type = /type="(\w+)"/.exec(attrs)?.[1] ?? 'note';
			const title = /title="([^"]+)"/.exec(attrs)?.[1];
			const label = title ?? type.charAt(0).toUpperCase() + type.slice(1);
			return quote(`**${label}:** ${body.trim()}`);
		})
		.replace(/^[ \t]*<KeyNumber\b([^>]*)\/>/gm, (_all, attrs: string) => {
			const get = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1] ?? '';
			const source = get('source');
			return `- **${get('value')}${get('unit') ? ` ${get('unit')}` : ''}**: ${get('label')}${source ? ` ([source](${source}))` : ''}`;
		})
		.replace(/<Figure\b([^>]*)>([\s\S]*?)<\/Figure>/g, (_all, attrs: string, body: string) => {
			const caption = /caption="([^"]+)"/.exec(attrs)?.[1];
			return `${body.trim()}${caption ? `\n\n*${caption}*` : ''}`;
		})
		.replace(
			/<Tool\b[^>]*id="([^"]+)"[^>]*\/>/g,
			'*(Interactive tool "$1" on the web version of this guide.)*',
		)
		.replace(/<\/?(Steps|Comparison|KeyNumbers)\b[^>]*>\n?/g, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

const quote = (text: string) =>
	text
		.split('\n')
		.map((line) => (line.trim() ? `> ${line.trim()}` : '>'))
		.join('\n');
