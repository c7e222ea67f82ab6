import { describe, expect, it } from 'vitest';
import { relatedGuides } from '~/lib/content/related';

const guide = (id: string, tags: string[], day: number, series?: string) => ({
	id,
	tags,
	series,
	publishDate: new Date(2026, 0, day),
});

describe('relatedGuides', () => {
	const current = guide('current', ['async', 'integrations', 'reliability'], 1, 'building');
	const all = [
		current,
		guide('one-shared', ['async'], 5),
		guide('two-shared', ['async', 'integrations'], 2),
		guide('two-shared-newer', ['integrations', 'reliability'], 9),
		guide('same-series', ['async', 'integrations', 'reliability'], 3, 'building'),
		guide('unrelated', ['costs'], 20),
	];

	it('ranks by shared tags, then by newest', () => {
		expect(relatedGuides(current, all).map((g) => g.id)).toEqual([
			'two-shared-newer',
			'two-shared',
			'one-shared',
		]);
	});

	it('leaves out the guide itself, its series (already linked) and guides with no shared tag', () => {
		const ids = relatedGuides(current, all, 10).map((g) => g.id);
		expect(ids).not.toContain('current');
		expect(ids).not.toContain('same-series');
		expect(ids).not.toContain('unrelated');
	});
});
