/** Silent reading speed for technical prose, words per minute (a conservative middle value). */
const WORDS_PER_MINUTE = 220;

/**
 * Counts the words a reader reads in an MDX body: prose, lists, tables and component text,
 * but not import lines, code blocks, JSX tags or link targets.
 * @example countWords('Hello **world**, see [docs](/docs).') // => 4
 */
export function countWords(mdx: string): number {
	const prose = mdx
		.replace(/^(import|export)\s.*$/gm, ' ')
		.replace(/```[\s\S]*?```/g, ' ')
		.replace(/<\/?[A-Za-z][^>]*>/g, ' ')
		.replace(/\]\([^)]*\)/g, ']')
		.replace(/[#>*_`|[\]{}-]+/g, ' ');
	return prose.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * Minutes to read, rounded up, at least 1.
 * @example readingMinutes(900) // => 5
 */
export function readingMinutes(words: number): number {
	return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
