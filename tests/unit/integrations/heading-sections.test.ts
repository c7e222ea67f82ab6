import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { headingSections } from '../../../src/integrations/heading-sections';

const element = (tagName: string, text: string): Element => ({
	type: 'element',
	tagName,
	properties: {},
	children: [{ type: 'text', value: text }],
});
const newline: RootContent = { type: 'text', value: '\n' };

/** The tree as tag names, sections as [children]. */
function outline(nodes: readonly RootContent[]): unknown[] {
	return nodes
		.filter((node) => node.type === 'element')
		.map((node) => (node.tagName === 'section' ? outline(node.children) : node.tagName));
}

describe('headingSections', () => {
	it('wraps each h2 and what follows it up to the next h2 in a section, and leaves the intro alone', () => {
		const tree: Root = {
			type: 'root',
			children: [
				element('p', 'Intro'),
				newline,
				element('h2', 'One'),
				element('p', 'a'),
				element('h3', 'Sub'),
				element('pre', 'code'),
				newline,
				element('h2', 'Two'),
				element('ul', 'b'),
			],
		};
		const wrapped = headingSections(tree.children);
		expect(outline(wrapped)).toEqual(['p', ['h2', 'p', 'h3', 'pre'], ['h2', 'ul']]);
		// Nothing is lost: the text between blocks went with its section.
		expect(wrapped).toHaveLength(4);
		expect(JSON.stringify(wrapped).match(/"value":"\\n"/g)).toHaveLength(2);
	});

	it('changes nothing in a guide without an h2', () => {
		const children = [element('p', 'Short'), element('h3', 'Only a subheading')];
		expect(headingSections(children)).toEqual(children);
	});
});
