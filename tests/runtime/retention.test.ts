import { describe, expect, it } from 'vitest';
import { queryD1, url } from './http';
import { randomHex } from '../support/random-hex';

const DAY = 86_400_000;

describe('the daily retention run', () => {
	it('deletes what each rule has kept long enough, in every table a visitor can grow, and keeps the rest', async () => {
		const now = Date.now();
		const old = now - 400 * DAY;
		const tag = randomHex().slice(0, 12);
		const id = (what: string, age: 'old' | 'new') => `${what}_${age}_${tag}`;
		const rows = (age: 'old' | 'new', at: number) => `
			INSERT INTO inquiries (id, created_at, project_type, budget, timeline, status)
				VALUES ('${id('inq', age)}', ${at}, 'integrations', '10k-50k', '1-3-months', 'spam');
			INSERT INTO heartbeats (id, source, sent_at, consumed_at) VALUES ('${id('hb', age)}', 'cron', ${at}, ${at});
			INSERT INTO webhook_events (id, source, type, received_at) VALUES ('${id('evt', age)}', 'crm', 'lead.created', ${at});
			INSERT INTO dead_letters (id, queue, body, attempts, received_at, replayed_at)
				VALUES ('${id('dl', age)}', 'loadbearing-jobs-dlq', '{}', 3, ${at}, ${at});
			INSERT INTO jobs (id, kind, subject_id, state, max_attempts, created_at, updated_at)
				VALUES ('${id('job', age)}', 'report.build', '${id('rep', age)}', 'succeeded', 3, ${at}, ${at});
			INSERT INTO job_attempts (job_id, attempt, started_at, finished_at, outcome)
				VALUES ('${id('job', age)}', 1, ${at}, ${at}, 'succeeded');
			INSERT INTO report_steps (job_id, step, rows, completed_at) VALUES ('${id('job', age)}', 1, '[]', ${at});
			INSERT INTO reports (job_id, calculator, title, report, markdown, csv, created_at)
				VALUES ('${id('job', age)}', 'downtime', 'Old', '{}', '#', 'a', ${at});
			INSERT INTO jobs (id, kind, subject_id, state, max_attempts, created_at, updated_at)
				VALUES ('${id('pw', age)}', 'price.watch', 'aws-s3/${id('run', age)}', 'succeeded', 3, ${at}, ${at});
			INSERT INTO job_attempts (job_id, attempt, started_at, finished_at, outcome)
				VALUES ('${id('pw', age)}', 1, ${at}, ${at}, 'succeeded');`;
		// Yesterday's rows are kept by every rule (the shortest keeps 7 days), and are not fresh
		// enough to stand in for a heartbeat another test sends.
		queryD1(rows('old', old) + rows('new', now - DAY));
		// An old price check that is still a sheet's last one keeps its job.
		queryD1(`
			INSERT INTO jobs (id, kind, subject_id, state, max_attempts, created_at, updated_at)
				VALUES ('pw_last_${tag}', 'price.watch', 'sheet-${tag}/old', 'succeeded', 3, ${old}, ${old});
			INSERT INTO price_sheet_checks (sheet_id, checked_at, upstream_url, job_id)
				VALUES ('sheet-${tag}', ${old}, 'https://example.com/prices', 'pw_last_${tag}');`);

		const fired = await fetch(url('/cdn-cgi/handler/scheduled?cron=17+3+*+*+*'));
		expect(fired.status).toBe(200);

		const tables = {
			inquiries: 'id',
			heartbeats: 'id',
			webhook_events: 'id',
			dead_letters: 'id',
			jobs: 'id',
			job_attempts: 'job_id',
			report_steps: 'job_id',
			reports: 'job_id',
		};
		const counts = Object.entries(tables)
			.map(([table, column]) => `(SELECT count(*) FROM ${table} WHERE ${column} LIKE '%${tag}') AS ${table}`)
			.join(', ');
		// Of each pair, the 400-day-old row is gone and today's is kept.
		// (Jobs and attempts hold a report's and a price check's, plus the kept last check's job.)
		expect(queryD1(`SELECT ${counts}`)).toEqual([
			{ ...Object.fromEntries(Object.keys(tables).map((table) => [table, 1])), jobs: 3, job_attempts: 2 },
		]);
		expect(queryD1(`SELECT id FROM jobs WHERE id LIKE '%${tag}' ORDER BY id`)).toEqual([
			{ id: id('job', 'new') },
			{ id: `pw_last_${tag}` },
			{ id: id('pw', 'new') },
		]);
		expect(queryD1(`SELECT job_id FROM job_attempts WHERE job_id LIKE 'pw_%${tag}'`)).toEqual([
			{ job_id: id('pw', 'new') },
		]);
	});
});
