import { signedFormToken } from '../support/form-token';
import { describe, expect, it } from 'vitest';
import { TEST_SECRETS } from './global-setup';
import { eventually, fetchJson, queryD1, url } from './http';
import { operatorAction, operatorAuth } from './operator';
import { randomHex } from '../support/random-hex';

describe('operator credentials', () => {
	it.each(['/admin', '/admin/inquiries', '/admin/jobs?state=dead', '/admin/inquiries.csv', '/api/metrics'])(
		'%s is 401 without credentials and 200 with them',
		async (path) => {
			const refused = await fetch(url(path));
			expect(refused.status).toBe(401);
			expect(refused.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
			expect((await fetch(url(path), { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
			expect((await fetch(url(path), { headers: operatorAuth })).status).toBe(200);
			const bearer = await fetch(url(path), { headers: { authorization: `Bearer ${TEST_SECRETS.admin}` } });
			expect(bearer.status).toBe(200);
		},
	);

	it('refuses operator actions without credentials', async () => {
		const response = await fetch(url('/admin/actions'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'action=replay-all-dead',
		});
		expect(response.status).toBe(401);
	});
});

describe('sign-in', () => {
	it('lets the scrape token read /api/metrics but not the console, and audits the refusal', async () => {
		const scrape = { authorization: `Bearer ${TEST_SECRETS.metrics}`, 'cf-connecting-ip': '198.51.100.61' };
		expect((await fetch(url('/api/metrics'), { headers: scrape })).status).toBe(200);
		const console = await fetch(url('/admin'), { headers: scrape });
		expect(console.status).toBe(401);
		// An error page that says only that credentials are needed, not how sign-in is set up.
		expect(console.headers.get('content-type')).toBe('text/html; charset=utf-8');
		const page = await console.text();
		expect(page).toContain('<h1>Sign-in needed</h1>');
		expect(page).toContain('<p>Operator credentials are required.</p>');
		expect(page).not.toMatch(/OPERATOR_TOKENS|Access|token/i);
		const audited = queryD1<{ actor: string; action: string; target: string }>(
			`SELECT actor, action, target FROM audit_log WHERE action = 'operator.sign-in-failed' ORDER BY id DESC LIMIT 1`,
		);
		expect(audited).toEqual([{ actor: 'anonymous', action: 'operator.sign-in-failed', target: '/admin' }]);
	});
});

describe('the console', () => {
	it('finds an inquiry by search, exports it as CSV, and shows its delivery log', async () => {
		const name = `Searchable ${randomHex().slice(0, 8)}`;
		const { body } = await fetchJson<{ id: string }>('/api/inquiries', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				name,
				email: 'search@example.com',
				projectType: 'integrations',
				budget: '10k-50k',
				timeline: '1-3-months',
				message: 'Find me in the console.',
				consent: true,
				formToken: await signedFormToken(TEST_SECRETS.formToken),
			}),
		});
		const list = await (
			await fetch(url(`/admin/inquiries?q=${encodeURIComponent(name)}`), { headers: operatorAuth })
		).text();
		expect(list).toContain(name);
		expect(list).toContain(`/admin/inquiries/${body.id}`);
		const csv = await (
			await fetch(url(`/admin/inquiries.csv?q=${encodeURIComponent(name)}`), { headers: operatorAuth })
		).text();
		expect(csv.split('\r\n')[0]).toBe(
			'id,received,status,name,email,company,project,budget,timeline,message',
		);
		expect(csv).toContain(`${body.id},`);
		await eventually(
			async () =>
				queryD1(
					`SELECT 1 FROM job_attempts a JOIN jobs j ON j.id = a.job_id WHERE j.subject_id = '${body.id}' AND a.outcome = 'succeeded'`,
				).length === 2
					? true
					: undefined,
			15_000,
		);
		const jobsPage = await (
			await fetch(url('/admin/jobs?state=succeeded'), { headers: operatorAuth })
		).text();
		expect(jobsPage).toMatch(/succeeded \([1-9]\d*\)/);
		expect(jobsPage).toContain(body.id);
		const detail = await (await fetch(url(`/admin/inquiries/${body.id}`), { headers: operatorAuth })).text();
		expect(detail).toContain('Delivery log');
		const log = detail.slice(detail.indexOf('Delivery log'));
		expect(log.match(/<td>succeeded<\/td>/g)).toHaveLength(2);
	});

	it('releases an inquiry held as spam: it is forwarded and the audit log says who did it', async () => {
		const id = `inq_${randomHex()}`;
		queryD1(
			`INSERT INTO inquiries (id, created_at, name, email, project_type, budget, timeline, message, status)
			 VALUES ('${id}', ${Date.now()}, 'Held Back', 'held@example.com', 'integrations', '10k-50k', '1-3-months', 'Not spam at all.', 'spam')`,
		);
		const spamPage = await (await fetch(url('/admin/spam'), { headers: operatorAuth })).text();
		expect(spamPage).toContain('Held Back');
		const response = await operatorAction({ action: 'release-spam', target: id, back: '/admin/spam' });
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/\/admin\/spam\?notice=/);
		const jobs = await eventually(async () => {
			const rows = queryD1<{ kind: string; state: string }>(
				`SELECT kind, state FROM jobs WHERE subject_id = '${id}' ORDER BY kind`,
			);
			return rows.length === 2 && rows.every((row) => row.state === 'succeeded') ? rows : undefined;
		}, 15_000);
		expect(jobs.map((row) => row.kind)).toEqual(['crm.sync', 'email.notify']);
		expect(queryD1(`SELECT status FROM inquiries WHERE id = '${id}'`)).toEqual([{ status: 'received' }]);
		expect(queryD1(`SELECT actor, action FROM audit_log WHERE target = '${id}'`)).toEqual([
			{ actor: 'token:ops', action: 'inquiry.release' },
		]);
		const again = await operatorAction({ action: 'release-spam', target: id });
		expect(again.status).toBe(409);
	});

	it('refuses an unknown action or a bad target with 400', async () => {
		expect((await operatorAction({ action: 'drop-tables' })).status).toBe(400);
		expect((await operatorAction({ action: 'replay-job', target: 'x' })).status).toBe(400);
	});
});

describe('GET /api/metrics', () => {
	it('reports inquiries, jobs by kind and state, dead jobs, queue age and delivery attempts', async () => {
		const response = await fetch(url('/api/metrics'), { headers: operatorAuth });
		expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		const text = await response.text();
		expect(text).toMatch(/^# HELP loadbearing_inquiries_total /m);
		expect(text).toMatch(/^loadbearing_inquiries_total\{status="received"\} [1-9]\d*$/m);
		expect(text).toMatch(/^loadbearing_jobs\{kind="crm.sync",state="succeeded"\} [1-9]\d*$/m);
		expect(text).toMatch(/^loadbearing_dead_jobs \d+$/m);
		expect(text).toMatch(/^loadbearing_oldest_queued_job_age_seconds \d+$/m);
		expect(text).toMatch(
			/^loadbearing_delivery_attempts_total\{kind="crm.sync",outcome="succeeded"\} [1-9]\d*$/m,
		);
	});
});
