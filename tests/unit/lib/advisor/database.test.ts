import { describe, expect, it } from 'vitest';
import { advisorWorkload, recommendDatabase } from '~/lib/advisor/database';
import type { AdvisorAnswers } from '~/lib/advisor/questions';
import { databaseData } from '~/lib/calculators/database/compute';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const data = databaseData(loadPriceCatalog());
const answers: AdvisorAnswers = {
	skills: 'javascript',
	product: 'crud',
	priority: 'balanced',
	budget: 'moderate',
	traffic: 'small',
	lockIn: 'accept',
	cloud: 'none',
	typeSafety: 'normal',
};

describe('the database the stack advisor suggests', () => {
	it('prefers the database of the cloud a team already uses', () => {
		expect(recommendDatabase({ ...answers, cloud: 'aws' }, data)?.quote.id).toBe('rds');
		expect(recommendDatabase({ ...answers, cloud: 'cloudflare' }, data)?.quote.id).toBe('d1');
	});

	it('steers away from single-provider databases when lock-in is to be avoided', () => {
		const advice = recommendDatabase({ ...answers, cloud: 'cloudflare', lockIn: 'avoid' }, data);
		expect(advice?.quote.id).not.toBe('d1');
		expect(advice?.reasons).toContain('Standard PostgreSQL: pg_dump moves it to any other host.');
	});

	it('gives reasons, concerns and a link that opens the same workload in the calculator', () => {
		const advice = recommendDatabase({ ...answers, budget: 'ample' }, data);
		expect(advice?.reasons.length).toBeGreaterThan(0);
		expect(advice?.workload.ha).toBe(true);
		expect(advice?.calculatorUrl).toMatch(/^\/tools\/database\?dataGb=5&.*ha=on/);
	});

	it('sizes the workload from the traffic answer', () => {
		expect(advisorWorkload({ ...answers, traffic: 'heavy-work' }).peakWritesPerSecond).toBeGreaterThan(
			advisorWorkload(answers).peakWritesPerSecond,
		);
	});
});
