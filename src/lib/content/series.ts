/** A guide's place in a series. */
export interface SeriesMember {
	id: string;
	series?: string | undefined;
	order?: number | undefined;
}

export interface SeriesPosition<T> {
	part: number;
	total: number;
	previous: T | undefined;
	next: T | undefined;
	parts: T[];
}

/**
 * Where a guide sits in its series, counting only the guides that are published.
 * @example seriesPosition(second, all) // => { part: 2, total: 5, previous: first, next: third, parts }
 */
export function seriesPosition<T extends SeriesMember>(
	guide: T,
	all: readonly T[],
): SeriesPosition<T> | undefined {
	if (guide.series === undefined) return undefined;
	const parts = all
		.filter((other) => other.series === guide.series)
		.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
	const index = parts.findIndex((other) => other.id === guide.id);
	if (index === -1) return undefined;
	return { part: index + 1, total: parts.length, previous: parts[index - 1], next: parts[index + 1], parts };
}
