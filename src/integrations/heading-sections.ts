import type { Element, ElementContent, Root, RootContent } from 'hast';

/**
 * Wraps each `<h2>` of a guide and everything up to the next one in a `<section>`; what comes
 * before the first `<h2>` stays as it is. The guide layout renders sections off screen lazily
 * (`content-visibility: auto`), so a long guide's first layout covers what a reader sees first,
 * not the whole article. The sections are the outline the headings already describe.
 * @example headingSections([p, h2, p, h2, ul]) // => [p, section(h2, p), section(h2, ul)]
 */
export function headingSections(nodes: readonly RootContent[]): RootContent[] {
	const first = nodes.findIndex(isH2);
	if (first < 0) return [...nodes];
	const sections: Element[] = [];
	for (const node of nodes.slice(first)) {
		if (isH2(node)) sections.push({ type: 'element', tagName: 'section', properties: {}, children: [] });
		// Whitespace and comments between blocks go with the section they follow.
		sections.at(-1)?.children.push(node as ElementContent);
	}
	return [...nodes.slice(0, first), ...sections];
}

const isH2 = (node: RootContent): node is Element => node.type === 'element' && node.tagName === 'h2';

/** The part of Sätteri's hast plugin context this plugin uses. */
interface HookContext {
	replaceNode(node: Root, replacement: Root): void;
}

/** A Sätteri hast plugin (Astro 7's Markdown processor) applying `headingSections` to a document. */
export const headingSectionsPlugin = {
	name: 'loadbearing-heading-sections',
	after(root: Readonly<Root>, context: HookContext) {
		if (!root.children.some(isH2)) return;
		context.replaceNode(root, { type: 'root', children: headingSections(root.children) });
	},
};
