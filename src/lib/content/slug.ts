/**
 * The URL slug for a guide title: lower case, ASCII letters and digits joined by hyphens.
 * @example slugify('Async work: the basics!') // => 'async-work-the-basics'
 * @example slugify('Café résumé') // => 'cafe-resume'
 */
export function slugify(title: string): string {
	return title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '');
}
