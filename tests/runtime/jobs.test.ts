import { afterAll, describe, expect, it } from 'vitest';
import type { PublicJob } from '~/lib/jobs/public-job';
import type { ProblemBody } from '~/lib/http/problem';
import { eventually, fetchJson, queryD1, url } from './http';
import { randomHex } from '../support/random-hex';

type Started = { id: string; state: string; statusUrl: string; reportUrl: string };
const startReport = (body: unknown) =>
	fetchJson<Started & ProblemBody>('/api/reports', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});

/** Job rows this file writes straight into D1, removed afterwards so other tests see a quiet queue. */
const planted: string[] = [];
afterAll(() => {
	if (planted.length) queryD1(`DELETE FROM jobs WHERE id IN (${planted.map((id) => `'${id}'`).join(',')})`);
});

describe('GET /api/jobs/<id>', () => {
	it('answers with the documented shape, an ETag, and 304 for a matching If-None-Match', async () => {
		const { body: started } = await startReport({ calculator: 'downtime', values: {} });
		const job = await eventually(async () => {
			const { body } = await fetchJson<PublicJob>(started.statusUrl);
			return body.state === 'succeeded' ? body : undefined;
		});
		expect(Object.keys(job).sort()).toEqual(
			[
				'id',
				'kind',
				'state',
				'progress',
				'attempt',
				'maxAttempts',
				'nextRetryAt',
				'lastError',
				'createdAt',
				'updatedAt',
				'result',
			].sort(),
		);
		expect(job).toMatchObject({
			id: started.id,
			kind: 'report.build',
			progress: { percent: 100, stepsDone: 10, stepsTotal: 10 },
			attempt: 1,
			lastError: null,
		});

		const first = await fetch(url(started.statusUrl));
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^"[0-9a-f]{24}"$/);
		expect(first.headers.get('retry-after')).toBeNull(); // finished: nothing to wait for
		const again = await fetch(url(started.statusUrl), { headers: { 'if-none-match': etag ?? '' } });
		expect(again.status).toBe(304);
		expect(await again.text()).toBe('');
	});

	it('hints when to ask again while a job waits, and shows only a safe error message', async () => {
		const id = `job_${randomHex()}`;
		planted.push(id);
		const now = Date.now();
		queryD1(
			`INSERT INTO jobs (id, kind, subject_id, state, attempt, max_attempts, next_retry_at, last_error, error_code, created_at, updated_at)
			 VALUES ('${id}', 'crm.sync', 'inq_${randomHex()}', 'retrying', 2, 24, ${now + 30_000},
			         'HTTP 503 from crm.internal.example (token=abc123)', 'upstream_unavailable', ${now}, ${now})`,
		);
		const response = await fetch(url(`/api/jobs/${id}`));
		const text = await response.text();
		expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(20);
		expect(Number(response.headers.get('retry-after'))).toBeLessThanOrEqual(31);
		expect(text).not.toContain('crm.internal');
		expect(text).not.toContain('abc123');
		expect(JSON.parse(text)).toMatchObject({
			state: 'retrying',
			lastError: { code: 'upstream_unavailable', message: expect.stringMatching(/not answering/) },
			nextRetryAt: new Date(now + 30_000).toISOString(),
		});
	});

	it('is a 404 naming the id for unknown or malformed ids', async () => {
		for (const id of [`job_${'0'.repeat(32)}`, 'job_1', '..%2Fadmin']) {
			const { response, body } = await fetchJson<ProblemBody>(`/api/jobs/${id}`);
			expect(response.status).toBe(404);
			expect(body.error.field).toBe('id');
		}
	});
});

describe('report.build jobs', () => {
	it('reach succeeded with progress rising step by step, and the files download', async () => {
		const { response, body: started } = await startReport({
			calculator: 'hosting',
			values: { requests: 20_000_000, responseKb: 40 },
		});
		expect(response.status).toBe(202);
		expect(started.id).toMatch(/^job_[0-9a-f]{32}$/);
		const seen: number[] = [];
		await eventually(async () => {
			const { body } = await fetchJson<PublicJob>(started.statusUrl);
			seen.push(body.progress.percent);
			return body.state === 'succeeded' ? body : undefined;
		}, 15_000);
		expect(seen).toEqual([...seen].sort((a, b) => a - b)); // never goes backwards
		expect(seen.at(-1)).toBe(100);

		const steps = queryD1<{ step: number; completed_at: number }>(
			`SELECT step, completed_at FROM report_steps WHERE job_id = '${started.id}' ORDER BY step`,
		);
		expect(steps.map((row) => row.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		const times = steps.map((row) => row.completed_at);
		expect(times).toEqual([...times].sort((a, b) => a - b)); // priced and recorded one after another

		const markdown = await fetch(url(`/reports/${started.id}.md`));
		expect(markdown.headers.get('content-type')).toMatch(/text\/markdown/);
		expect(await markdown.text()).toMatch(/^## Full report: hosting cost/);
		const csv = await fetch(url(`/reports/${started.id}.csv`));
		expect(csv.headers.get('content-disposition')).toMatch(
			/attachment; filename="loadbearing-hosting-report.csv"/,
		);
		const lines = (await csv.text()).trim().split('\r\n');
		expect(lines[0]).toBe('Traffic,Requests a month,Provider,Products,USD a month');
		expect(lines).toHaveLength(1 + 10 * 3);
		const page = await (await fetch(url(started.reportUrl))).text();
		expect(page).toContain('Cheapest at the scenario');
		expect(page).toContain('AWS with CloudFront');
	});

	it('starts from a calculator form post and lands on the report page', async () => {
		const response = await fetch(url('/api/reports'), {
			method: 'POST',
			redirect: 'manual',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'requestsPerDay=1000&inputTokens=500&outputTokens=200&calculator=ai-spend',
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/reports\/job_[0-9a-f]{32}$/);
	});

	it('refuses an unknown calculator or a bad value with 400 naming the field', async () => {
		const unknown = await startReport({ calculator: 'teapot' });
		expect(unknown.response.status).toBe(400);
		expect(unknown.body.error.field).toBe('calculator');
		const bad = await startReport({ calculator: 'hosting', values: { requests: -5 } });
		expect(bad.response.status).toBe(400);
		expect(bad.body.error.field).toBe('requests');
	});

	it('resumes a report whose worker stopped mid-way: the cron re-queues it and it finishes once', async () => {
		// One stored downtime row (the 99% target) at a traffic level, as the job writes it.
		const stepRow = (level: number, revenue: number, usd: number) =>
			JSON.stringify([{ level, driver: revenue, option: '99%', detail: '87.66', usd }]);
		const id = `job_${randomHex()}`;
		planted.push(id);
		const past = Date.now() - 60_000;
		const input = JSON.stringify({
			calculator: 'downtime',
			values: {
				revenuePerHour: 1000,
				revenueAffectedPct: 50,
				idleStaffCostPerHour: 0,
				recoveryCostPerHour: 0,
				sla: '0.999',
			},
			pageUrl: 'http://127.0.0.1/tools/downtime',
		});
		// As a worker would leave it after storing 4 of 10 steps and dying: running, deadline passed.
		queryD1(
			`INSERT INTO jobs (id, kind, subject_id, state, attempt, max_attempts, input, steps_done, steps_total, deadline_at, created_at, updated_at)
			 VALUES ('${id}', 'report.build', 'rpt_${randomHex()}', 'running', 1, 4, '${input}', 4, 10, ${past}, ${past}, ${past});
			 INSERT INTO job_attempts (job_id, attempt, started_at) VALUES ('${id}', 1, ${past});
			 INSERT INTO report_steps (job_id, step, rows, completed_at) VALUES
			   ('${id}', 0, '${stepRow(0.1, 100, 4383)}', 1), ('${id}', 1, '${stepRow(0.25, 250, 10957.5)}', 1),
			   ('${id}', 2, '${stepRow(0.5, 500, 21915)}', 1), ('${id}', 3, '${stepRow(1, 1000, 43830)}', 1);`,
		);
		const fired = await fetch(url('/cdn-cgi/handler/scheduled?cron=*%2F5+*+*+*+*'));
		expect(fired.status).toBe(200);
		const job = await eventually(async () => {
			const { body } = await fetchJson<PublicJob>(`/api/jobs/${id}`);
			return body.state === 'succeeded' ? body : undefined;
		}, 15_000);
		expect(job.attempt).toBe(2);
		const steps = queryD1<{ step: number; completed_at: number }>(
			`SELECT step, completed_at FROM report_steps WHERE job_id = '${id}' ORDER BY step`,
		);
		expect(steps).toHaveLength(10);
		expect(steps.slice(0, 4).every((row) => row.completed_at === 1)).toBe(true); // kept, not priced again
		expect(queryD1(`SELECT count(*) AS n FROM reports WHERE job_id = '${id}'`)[0]).toEqual({ n: 1 });
		expect(
			queryD1(`SELECT attempt, outcome FROM job_attempts WHERE job_id = '${id}' ORDER BY attempt`),
		).toEqual([
			{ attempt: 1, outcome: 'interrupted' },
			{ attempt: 2, outcome: 'succeeded' },
		]);
		const csv = await (await fetch(url(`/reports/${id}.csv`))).text();
		expect(csv.split('\r\n')[1]).toBe('0.1×,100,99%,87.66,4383.00');
	});

	it('fails a stuck job with no attempts left, with a clear error and a dead letter', async () => {
		const id = `job_${randomHex()}`;
		planted.push(id);
		const past = Date.now() - 60_000;
		queryD1(
			`INSERT INTO jobs (id, kind, subject_id, state, attempt, max_attempts, input, steps_total, deadline_at, created_at, updated_at)
			 VALUES ('${id}', 'report.build', 'rpt_${randomHex()}', 'running', 4, 4, '{}', 10, ${past}, ${past}, ${past})`,
		);
		await fetch(url('/cdn-cgi/handler/scheduled?cron=*%2F5+*+*+*+*'));
		const job = await eventually(async () => {
			const [row] = queryD1<{ state: string; last_error: string }>(
				`SELECT state, last_error FROM jobs WHERE id = '${id}'`,
			);
			return row?.state === 'dead' ? row : undefined;
		});
		expect(job.last_error).toMatch(/did not finish by its deadline and no attempts are left/);
		const { body } = await fetchJson<PublicJob>(`/api/jobs/${id}`);
		expect(body.lastError).toEqual({ code: 'interrupted', message: expect.any(String) });
		await eventually(async () =>
			queryD1(`SELECT 1 FROM dead_letters WHERE body LIKE '%${id}%'`).length > 0 ? true : undefined,
		);
	});
});
