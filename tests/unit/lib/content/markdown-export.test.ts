import { describe, expect, it } from 'vitest';
import { mdxToMarkdown } from '~/lib/content/markdown-export';

describe('mdxToMarkdown', () => {
	it('turns a callout into a labelled blockquote', () => {
		expect(mdxToMarkdown('<Callout type="warning">\nBack up first.\n</Callout>')).toBe(
			'> **Warning:** Back up first.',
		);
		expect(mdxToMarkdown('<Callout type="tip" title="If you run Next.js">Patch.</Callout>')).toBe(
			'> **If you run Next.js:** Patch.',
		);
	});

	it('turns key numbers into a list with their sources', () => {
		const mdx =
			'<KeyNumbers>\n  <KeyNumber value="$0.09" unit="per GB" label="AWS egress." source="https://aws.example/pricing" />\n</KeyNumbers>';
		expect(mdxToMarkdown(mdx)).toBe(
			'- **$0.09 per GB**: AWS egress. ([source](https://aws.example/pricing))',
		);
	});

	it('drops wrapper components but keeps what they wrap', () => {
		expect(mdxToMarkdown('<Steps>\n\n1. One\n2. Two\n\n</Steps>')).toBe('1. One\n2. Two');
		expect(mdxToMarkdown('<Comparison caption="Costs">\n\n| a | b |\n\n</Comparison>')).toBe('| a | b |');
	});

	it('removes imports and notes where an interactive tool was', () => {
		expect(mdxToMarkdown('import X from \'./x\';\nText\n<Tool id="ai-spend" />')).toBe(
			'Text\n*(Interactive tool "ai-spend" on the web version of this guide.)*',
		);
	});
});
