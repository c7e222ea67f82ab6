import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALCULATORS } from '~/lib/calculators/registry';
import { ROOT } from '../../scripts/lib/build';
import { measurePage } from '../support/page-weight';
import { randomHex } from '../support/random-hex';
import { queryD1, url } from './http';

/** The calculators' JavaScript budget: 15 KB (15 × 1024 bytes) gzipped per page, everything counted. */
const BUDGET_GZIP_BYTES = 15 * 1024;

describe.each(Object.values(CALCULATORS).map((calculator) => calculator.path))('%s', (path) => {
	it(`ships at most 15 KB of gzipped JavaScript`, async () => {
		const html = await (await fetch(url(path))).text();
		const weight = measurePage(path, html, join(ROOT, 'dist/client'));
		expect(weight.js.gzip).toBeGreaterThan(0);
		console.log(`${path} JavaScript: ${weight.js.gzip} bytes gzipped`);
		expect(weight.js.gzip).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
	});
});

/**
 * Tool pages without a calculator load only the estimate tray: Preact with Astro's island runtime
 * (about 7.9 KB) and the tray with its store (about 1.2 KB), at most 10 KB gzipped.
 */
describe('the stack advisor, the tools index and the estimate', () => {
	it.each(['/tools/stack-advisor?skills=php', '/tools', '/tools/estimate'])(
		'%s ships only the estimate tray: at most 10 KB gzipped',
		async (path) => {
			const html = await (await fetch(url(path))).text();
			const weight = measurePage(path, html, join(ROOT, 'dist/client'));
			console.log(`${path} JavaScript: ${weight.js.gzip} bytes gzipped`);
			expect(weight.js.gzip).toBeLessThanOrEqual(10 * 1024);
		},
	);
});

/** The contact form island: the shared zod/mini schema, Preact and the form, at most 18 KB gzipped. */
describe('/contact', () => {
	it('ships at most 18 KB of gzipped JavaScript', async () => {
		const html = await (await fetch(url('/contact'))).text();
		const weight = measurePage('/contact', html, join(ROOT, 'dist/client'));
		expect(weight.js.gzip).toBeGreaterThan(0);
		expect(weight.js.gzip).toBeLessThanOrEqual(18 * 1024);
		console.log(`/contact JavaScript: ${weight.js.gzip} bytes gzipped`);
	});
});

/**
 * A page watching a job (report or receipt): at most 11 KB gzipped. Preact with Astro's island
 * runtime is about 9 KB of that; the JobStatus island itself is about 1.2 KB.
 */
describe('a page watching a job', () => {
	it('ships at most 11 KB of gzipped JavaScript', async () => {
		const id = `job_${randomHex()}`;
		const now = Date.now();
		// A report that has not started yet (no queue message, so it stays that way until removed).
		queryD1(
			`INSERT INTO jobs (id, kind, subject_id, state, attempt, max_attempts, input, steps_total, created_at, updated_at)
			 VALUES ('${id}', 'report.build', 'rpt_${id.slice(4)}', 'queued', 0, 4, '{}', 10, ${now}, ${now})`,
		);
		try {
			const html = await (await fetch(url(`/reports/${id}`))).text();
			expect(html).toContain('<astro-island');
			const weight = measurePage('/reports/<id>', html, join(ROOT, 'dist/client'));
			console.log(`/reports/<id> JavaScript: ${weight.js.gzip} bytes gzipped`);
			expect(weight.js.gzip).toBeLessThanOrEqual(11 * 1024);
		} finally {
			queryD1(`DELETE FROM jobs WHERE id = '${id}'`);
		}
	});
});
