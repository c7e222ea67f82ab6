/** What relatedness is judged on. */
export interface Relatable {
	id: string;
	tags: readonly string[];
	series?: string | undefined;
	publishDate: Date;
}

/**
 * Guides to suggest after this one: most shared tags first, then newest; guides in the same
 * series are left out because the series navigation already links them.
 * @example relatedGuides(a, [a, b, c], 2) // => [b, c] when b and c share tags with a
 */
export function relatedGuides<T extends Relatable>(guide: T, all: readonly T[], limit = 3): T[] {
	const tags = new Set(guide.tags);
	return all
		.filter((other) => other.id !== guide.id && (guide.series === undefined || other.series !== guide.series))
		.map((other) => ({ other, shared: other.tags.filter((tag) => tags.has(tag)).length }))
		.filter(({ shared }) => shared > 0)
		.sort((a, b) => b.shared - a.shared || b.other.publishDate.getTime() - a.other.publishDate.getTime())
		.slice(0, limit)
		.map(({ other }) => other);
}
