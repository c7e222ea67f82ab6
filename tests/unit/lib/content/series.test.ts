import { describe, expect, it } from 'vitest';
import { seriesPosition } from '~/lib/content/series';

const parts = [
	{ id: 'c', series: 's', order: 3 },
	{ id: 'a', series: 's', order: 1 },
	{ id: 'b', series: 's', order: 2 },
	{ id: 'other', series: 't', order: 1 },
	{ id: 'solo', series: undefined, order: undefined },
];

describe('seriesPosition', () => {
	it('gives "part 2 of 3" with previous and next, in series order', () => {
		const position = seriesPosition(parts[2]!, parts);
		expect(position).toMatchObject({ part: 2, total: 3, previous: { id: 'a' }, next: { id: 'c' } });
		expect(position?.parts.map((p) => p.id)).toEqual(['a', 'b', 'c']);
	});

	it('has no previous for the first part and no next for the last', () => {
		expect(seriesPosition(parts[1]!, parts)?.previous).toBeUndefined();
		expect(seriesPosition(parts[0]!, parts)?.next).toBeUndefined();
	});

	it('is undefined for a guide outside any series', () => {
		expect(seriesPosition(parts[4]!, parts)).toBeUndefined();
	});
});
