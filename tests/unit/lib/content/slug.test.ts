import { describe, expect, it } from 'vitest';
import { slugify } from '~/lib/content/slug';

describe('slugify', () => {
	it.each([
		['Async work: the basics!', 'async-work-the-basics'],
		['Café résumé', 'cafe-resume'],
		['  CI/CD -- made boring  ', 'ci-cd-made-boring'],
	])('%s becomes %s', (title, slug) => {
		expect(slugify(title)).toBe(slug);
	});
});
