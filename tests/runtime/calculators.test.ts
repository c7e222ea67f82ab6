import { describe, expect, it } from 'vitest';
import { CALCULATORS } from '~/lib/calculators/registry';
import { url } from './http';

const calculators = Object.values(CALCULATORS);

describe.each(calculators)('$path', (calculator) => {
	it('renders its form, its heading and its island', async () => {
		const response = await fetch(url(calculator.path));
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain(`>${calculator.heading}</h1>`);
		expect(html).toContain(`action="${calculator.path}"`);
		expect(html).toContain('<astro-island');
	});

	it.each(['csv', 'md'])('exports its result as .%s for the same query string', async (format) => {
		const response = await fetch(url(`${calculator.path}.${format}`));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain(format === 'csv' ? 'text/csv' : 'text/markdown');
	});
});

describe('an unknown calculator', () => {
	it('is a 404 page, not another calculator', async () => {
		const response = await fetch(url('/tools/no-such-calculator'));
		expect(response.status).toBe(404);
		const html = await response.text();
		expect(html).toMatch(/<h1[^>]*>Page not found<\/h1>/);
		expect(html).not.toContain('<astro-island');
	});

	it.each(['csv', 'md'])('has no .%s export: a 404 naming the calculator', async (format) => {
		const response = await fetch(url(`/tools/no-such-calculator.${format}`));
		expect(response.status).toBe(404);
		expect(await response.json()).toMatchObject({ error: { code: 'not_found', field: 'calculator' } });
	});

	it('cannot start a report: a 400 naming the calculator', async () => {
		const response = await fetch(url('/api/reports'), {
			method: 'POST',
			headers: { 'content-type': 'application/json', origin: new URL(url('/')).origin },
			body: JSON.stringify({ calculator: 'no-such-calculator', values: {} }),
		});
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ error: { field: 'calculator' } });
	});
});

describe('shared links keep their meaning', () => {
	it('an old hosting link renders the scenario it names, in the page and its CSV', async () => {
		const query = 'requests=5000000&cpuMsPerRequest=3&responseKb=4&storageGb=1&delivery=cloudfront';
		const html = await (await fetch(url(`/tools/hosting?${query}`))).text();
		expect(html).toMatch(/value="5000000"/);
		const csv = await (await fetch(url(`/tools/hosting.csv?${query}`))).text();
		expect(csv).toContain('aws-cloudfront');
	});

	it('the old downtime export reproduces its figures', async () => {
		const query =
			'revenuePerHour=1000&revenueAffectedPct=100&idleStaffCostPerHour=0&recoveryCostPerHour=0&sla=0.999';
		const markdown = await (await fetch(url(`/tools/downtime.md?${query}`))).text();
		// 0.1% of an average year (8,765.82 h) is 8.77 h; at $1,000 an hour that is $8,765.82.
		expect(markdown).toContain('8.77 h a year, $8,765.82 a year');
	});
});
