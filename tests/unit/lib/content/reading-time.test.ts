import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '~/lib/content/reading-time';

describe('countWords', () => {
	it('counts prose, ignoring Markdown syntax and link targets', () => {
		expect(countWords('## A heading\n\nHello **world**, see [the docs](/docs/very/long/path).')).toBe(7);
	});

	it('leaves out code blocks, imports and JSX tags but keeps text inside components', () => {
		const mdx =
			'import X from \'./x\';\n\n<Callout type="tip">Keep this text</Callout>\n\n```sql\nSELECT a, b, c FROM t;\n```';
		expect(countWords(mdx)).toBe(3);
	});
});

describe('readingMinutes', () => {
	it('rounds up at about 220 words a minute, never below one', () => {
		expect(readingMinutes(0)).toBe(1);
		expect(readingMinutes(220)).toBe(1);
		expect(readingMinutes(221)).toBe(2);
		expect(readingMinutes(1100)).toBe(5);
	});
});
