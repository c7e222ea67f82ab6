import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { ProblemBody } from '~/lib/http/problem';
import type { MockState } from '../mocks/mock-services';
import { signedFormToken } from '../support/form-token';
import { TEST_SECRETS } from './global-setup';
import { eventually, fetchJson, queryD1, url } from './http';
import { operatorAction, operatorAuth } from './operator';

const mockUrl = () => inject('mockUrl');
const mockState = async () => (await (await fetch(`${mockUrl()}/__state`)).json()) as MockState;
const control = (service: 'crm' | 'email', settings: object) =>
	fetch(`${mockUrl()}/__control/${service}`, { method: 'POST', body: JSON.stringify(settings) });

const inquiry = (overrides: object = {}) => ({
	name: 'Ada Lovelace',
	email: 'ada@example.com',
	company: 'Analytical Engines',
	projectType: 'integrations',
	budget: '10k-50k',
	timeline: '1-3-months',
	message: 'Our CRM sync creates duplicate contacts every night.',
	consent: true,
	...overrides,
});

type Accepted = { id: string; status: string; statusUrl: string; created: boolean };
/** An inquiry object with a form token a person could have sent, as the contact page signs it. */
const withToken = async (body: object) =>
	'formToken' in body ? body : { ...body, formToken: await signedFormToken(TEST_SECRETS.formToken) };
const post = async (body: unknown, headers: Record<string, string> = {}) =>
	fetchJson<Accepted & ProblemBody>('/api/inquiries', {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: typeof body === 'object' && body !== null ? JSON.stringify(await withToken(body)) : String(body),
	});
const jobsOf = (id: string) =>
	queryD1<{ kind: string; state: string; attempt: number; last_error: string | null }>(
		`SELECT kind, state, attempt, last_error FROM jobs WHERE subject_id = '${id}' ORDER BY kind`,
	);

beforeEach(async () => {
	await fetch(`${mockUrl()}/__reset`, { method: 'POST' });
});

describe('POST /api/inquiries', () => {
	it('accepts a valid inquiry with 202, stores it with two jobs, and delivers it to the CRM and the team once', async () => {
		const { response, body } = await post(inquiry());
		expect(response.status).toBe(202);
		expect(body).toMatchObject({ status: 'received', statusUrl: `/inquiries/${body.id}` });
		expect(body.id).toMatch(/^inq_[0-9a-f]{32}$/);
		expect(queryD1(`SELECT count(*) AS n FROM inquiries WHERE id = '${body.id}'`)[0]).toEqual({ n: 1 });
		const done = await eventually(async () => {
			const jobs = jobsOf(body.id);
			return jobs.length === 2 && jobs.every((job) => job.state === 'succeeded') ? jobs : undefined;
		}, 15_000);
		expect(done.map((job) => job.kind)).toEqual(['crm.sync', 'email.notify']);
		const state = await mockState();
		expect(Object.keys(state.leads)).toEqual([body.id]);
		expect(Object.keys(state.emails)).toEqual([`${body.id}:notify`]);
	});

	it('answers a repeated Idempotency-Key with the first inquiry: one row, one lead', async () => {
		const key = `test-key-${Date.now()}`;
		const first = await post(inquiry(), { 'idempotency-key': key });
		const second = await post(inquiry(), { 'idempotency-key': key });
		expect(second.response.status).toBe(202);
		expect(second.body.id).toBe(first.body.id);
		expect(second.body.created).toBe(false);
		expect(queryD1(`SELECT count(*) AS n FROM inquiries WHERE idempotency_key = '${key}'`)[0]).toEqual({
			n: 1,
		});
	});

	it.each([
		['a bad email', { email: 'ada@' }, 'email'],
		['no consent', { consent: false }, 'consent'],
		['an unknown budget', { budget: 'lots' }, 'budget'],
	])('refuses %s with 400 naming the field', async (_case, overrides, field) => {
		const { response, body } = await post(inquiry(overrides));
		expect(response.status).toBe(400);
		expect(body.error).toMatchObject({ code: 'bad_request', field });
	});

	it('refuses other content types (415), oversized bodies (413), other methods (405) and other sites (403)', async () => {
		expect((await post('x', { 'content-type': 'text/plain' })).response.status).toBe(415);
		expect((await post(inquiry({ message: 'x'.repeat(40_000) }))).response.status).toBe(413);
		expect((await fetch(url('/api/inquiries'))).status).toBe(405);
		expect((await post(inquiry(), { origin: 'https://attacker.example' })).response.status).toBe(403);
	});

	it('accepts a form post and redirects to the receipt page', async () => {
		const form = new URLSearchParams({ ...inquiry(), consent: 'on' } as unknown as Record<string, string>);
		const response = await fetch(url('/api/inquiries'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: form.toString(),
			redirect: 'manual',
		});
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toMatch(/^\/inquiries\/inq_[0-9a-f]{32}$/);
	});
});

/** Waits until no job is queued, running or retrying, so faults set next hit only the next inquiry. */
const quietQueue = () =>
	eventually(
		async () =>
			queryD1<{ n: number }>(
				"SELECT count(*) AS n FROM jobs WHERE state IN ('queued', 'running', 'retrying')",
			)[0]?.n === 0
				? true
				: undefined,
		20_000,
	);

describe('delivery when the CRM fails', () => {
	beforeEach(async () => {
		await quietQueue();
		await fetch(`${mockUrl()}/__reset`, { method: 'POST' });
	}, 25_000);

	it('retries a CRM that fails three times, then succeeds on the fourth attempt with one lead', async () => {
		await control('crm', { failNext: 3 });
		const { body } = await post(inquiry());
		const crm = await eventually(async () => {
			const job = jobsOf(body.id).find((candidate) => candidate.kind === 'crm.sync');
			return job?.state === 'succeeded' ? job : undefined;
		}, 30_000);
		expect(crm.attempt).toBe(4);
		const state = await mockState();
		expect(Object.keys(state.leads)).toEqual([body.id]);
		expect(state.calls.filter((call) => call.service === 'crm').map((call) => call.status)).toEqual([
			500, 500, 500, 200,
		]);
	}, 40_000);

	it('marks the job dead when the CRM never recovers, says why, and records a dead letter', async () => {
		await control('crm', { outageForMs: 120_000 });
		const { body } = await post(inquiry());
		const crm = await eventually(async () => {
			const job = jobsOf(body.id).find((candidate) => candidate.kind === 'crm.sync');
			return job?.state === 'dead' ? job : undefined;
		}, 30_000);
		expect(crm.attempt).toBe(4);
		expect(crm.last_error).toMatch(/HTTP 503/);
		expect((await mockState()).leads).toEqual({});
		const letters = await eventually(async () => {
			const rows = queryD1<{ queue: string; kind: string; body: string }>(
				`SELECT queue, kind, body FROM dead_letters WHERE body LIKE '%${body.id}%'`,
			);
			return rows.length > 0 ? rows : undefined;
		});
		expect(letters).toHaveLength(1);
		expect(letters[0]).toMatchObject({ queue: 'loadbearing-jobs-dlq', kind: 'crm.sync' });
		expect(JSON.parse(letters[0]?.body ?? '{}')).toMatchObject({
			attempts: 4,
			lastError: expect.stringMatching(/503/),
		});
		const receipt = await (await fetch(url(body.statusUrl))).text();
		expect(receipt).toContain('Delayed');
	}, 40_000);

	it('replays a dead job from the console: queued again, delivered once the CRM is back, and audited', async () => {
		await control('crm', { outageForMs: 120_000 });
		const { body } = await post(inquiry());
		const dead = await eventually(async () => {
			const [job] = queryD1<{ id: string; state: string }>(
				`SELECT id, state FROM jobs WHERE subject_id = '${body.id}' AND kind = 'crm.sync'`,
			);
			return job?.state === 'dead' ? job : undefined;
		}, 30_000);
		await eventually(async () =>
			queryD1(`SELECT 1 FROM dead_letters WHERE body LIKE '%${dead.id}%'`).length > 0 ? true : undefined,
		);
		const page = await (await fetch(url('/admin/dead-letters'), { headers: operatorAuth })).text();
		expect(page).toContain(dead.id);

		await fetch(`${mockUrl()}/__reset`, { method: 'POST' }); // the CRM is back
		const response = await operatorAction({
			action: 'replay-job',
			target: dead.id,
			back: '/admin/dead-letters',
		});
		expect(response.status).toBe(303);
		expect(queryD1(`SELECT state FROM jobs WHERE id = '${dead.id}'`)[0]?.['state']).toMatch(
			/queued|running|succeeded/,
		);
		await eventually(async () => {
			const [job] = queryD1<{ state: string }>(`SELECT state FROM jobs WHERE id = '${dead.id}'`);
			return job?.state === 'succeeded' ? true : undefined;
		}, 15_000);
		expect(Object.keys((await mockState()).leads)).toEqual([body.id]);
		expect(
			queryD1(
				`SELECT actor, action, target FROM audit_log WHERE action = 'job.replay' AND target = '${dead.id}'`,
			),
		).toEqual([{ actor: 'token:ops', action: 'job.replay', target: dead.id }]);
		expect(
			queryD1(
				`SELECT count(*) AS n FROM dead_letters WHERE body LIKE '%${dead.id}%' AND replayed_at IS NOT NULL`,
			)[0],
		).toEqual({ n: 1 });
	}, 60_000);
});

describe('the receipt page', () => {
	it('shows the reference and the follow-up in plain words', async () => {
		const { body } = await post(inquiry());
		await eventually(
			async () => (jobsOf(body.id).every((job) => job.state === 'succeeded') ? true : undefined),
			15_000,
		);
		const html = await (await fetch(url(body.statusUrl))).text();
		expect(html).toContain(body.id);
		expect(html).toContain('Passed to our CRM');
		expect(html).toContain('Team notified');
	});

	it('is a 404 for an unknown reference', async () => {
		expect((await fetch(url('/inquiries/inq_00000000000000000000000000000000'))).status).toBe(404);
	});
});

describe('privacy', () => {
	it('removes personal fields from inquiries past the retention period and keeps the counts', async () => {
		const { body: old } = await post(inquiry({ email: 'old@example.com' }));
		const { body: recent } = await post(inquiry({ email: 'recent@example.com' }));
		await eventually(
			async () => (jobsOf(old.id).every((job) => job.state === 'succeeded') ? true : undefined),
			15_000,
		);
		// Two years old: past the default 365-day retention.
		queryD1(`UPDATE inquiries SET created_at = created_at - ${2 * 365 * 86_400_000} WHERE id = '${old.id}'`);
		const before = queryD1<{ n: number }>('SELECT count(*) AS n FROM inquiries')[0]?.n;

		const fired = await fetch(url('/cdn-cgi/handler/scheduled?cron=17+3+*+*+*'));
		expect(fired.status).toBe(200);

		const rows = queryD1<Record<string, unknown>>(
			`SELECT id, name, email, company, message, ip_hash, project_type, redacted_at FROM inquiries WHERE id IN ('${old.id}', '${recent.id}')`,
		);
		const oldRow = rows.find((row) => row['id'] === old.id);
		const recentRow = rows.find((row) => row['id'] === recent.id);
		expect(oldRow).toMatchObject({ name: null, email: null, company: null, message: null, ip_hash: null });
		expect(oldRow?.['project_type']).toBe('integrations');
		expect(oldRow?.['redacted_at']).toEqual(expect.any(Number));
		expect(recentRow).toMatchObject({ email: 'recent@example.com', redacted_at: null });
		expect(queryD1<{ n: number }>('SELECT count(*) AS n FROM inquiries')[0]?.n).toBe(before);
		expect((await fetch(url(old.statusUrl))).status).toBe(200);
	});
});

describe('spam defence', () => {
	const formBody = (extra: Record<string, string>) =>
		new URLSearchParams({
			...(inquiry() as unknown as Record<string, string>),
			consent: 'on',
			...extra,
		}).toString();
	const postForm = (body: string, ip = '198.51.100.7') =>
		fetch(url('/api/inquiries'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': ip },
			body,
			redirect: 'manual',
		});
	const tokenFromContactPage = async () =>
		/name="formToken" value="([^"]+)"/.exec(await (await fetch(url('/contact'))).text())?.[1] ?? '';
	const statusOf = (location: string | null) =>
		queryD1<{ status: string; jobs: number }>(
			`SELECT status, (SELECT count(*) FROM jobs WHERE subject_id = inquiries.id) AS jobs FROM inquiries WHERE id = '${location?.split('/').pop()}'`,
		)[0];

	it('stores a filled honeypot as spam with the same-looking answer, and forwards nothing', async () => {
		const response = await postForm(
			formBody({ website: 'http://spam.example', formToken: await tokenFromContactPage() }),
		);
		expect(response.status).toBe(303);
		expect(statusOf(response.headers.get('location'))).toEqual({ status: 'spam', jobs: 0 });
	});

	it('treats a form sent faster than a person could fill it as spam, and a patient one as real', async () => {
		const token = await tokenFromContactPage();
		const fast = await postForm(formBody({ formToken: token }));
		expect(statusOf(fast.headers.get('location'))).toEqual({ status: 'spam', jobs: 0 });
		await new Promise((resolve) => setTimeout(resolve, 2100));
		const patient = await postForm(formBody({ formToken: token, idempotencyKey: `patient-${Date.now()}` }));
		expect(statusOf(patient.headers.get('location'))).toEqual({ status: 'received', jobs: 2 });
	});

	it('applies the same checks to JSON: no token, a young token or a filled honeypot is spam', async () => {
		const postJson = async (body: object) => {
			const { body: answer, response } = await fetchJson<Accepted>('/api/inquiries', {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'cf-connecting-ip': '198.51.100.8' },
				body: JSON.stringify(body),
			});
			expect(response.status).toBe(202);
			return statusOf(answer.statusUrl);
		};
		const before = (await mockState()).calls.length;
		expect(await postJson(inquiry())).toEqual({ status: 'spam', jobs: 0 });
		const young = await signedFormToken(TEST_SECRETS.formToken, 0);
		expect(await postJson({ ...inquiry(), formToken: young })).toEqual({ status: 'spam', jobs: 0 });
		const token = await signedFormToken(TEST_SECRETS.formToken);
		expect(await postJson({ ...inquiry(), formToken: token, website: 'http://spam.example' })).toEqual({
			status: 'spam',
			jobs: 0,
		});
		expect(await postJson({ ...inquiry(), formToken: 'forged.token' })).toEqual({ status: 'spam', jobs: 0 });
		expect((await mockState()).calls.length).toBe(before);
		expect(await postJson({ ...inquiry(), formToken: token })).toEqual({ status: 'received', jobs: 2 });
	});

	it('limits how often one client may post, with 429 and Retry-After', async () => {
		// A /64 of the IPv6 documentation range no other test posts from (one client per /64).
		const ip = `2001:db8:${Math.floor(Math.random() * 0xffff).toString(16)}:7::1`;
		// The limit counts in fixed 10-minute windows (RATE_LIMIT_WINDOW_SECONDS): a burst that
		// straddles a window's end starts again from zero, so begin well clear of it.
		const leftInWindow = 600_000 - (Date.now() % 600_000);
		if (leftInWindow < 30_000) await new Promise((resolve) => setTimeout(resolve, leftInWindow + 500));
		for (let sent = 0; sent < 100; sent += 25)
			await Promise.all(Array.from({ length: 25 }, () => postForm('name=x', ip)));
		const last = await postForm('name=x', ip);
		expect(last.status).toBe(429);
		expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
		const other = await postForm('name=x', '192.0.2.1');
		expect(other.status).toBe(400);
	}, 90_000);

	it('stores a salted hash of the client IP, never the IP', async () => {
		const { createHash } = await import('node:crypto');
		const response = await fetch(url('/api/inquiries'), {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'cf-connecting-ip': '198.51.100.99' },
			body: JSON.stringify(await withToken(inquiry())),
		});
		const { id } = (await response.json()) as Accepted;
		const row = queryD1<Record<string, unknown>>(`SELECT * FROM inquiries WHERE id = '${id}'`)[0];
		expect(row?.['ip_hash']).toBe(createHash('sha256').update('test-ip-salt:198.51.100.99').digest('hex'));
		expect(JSON.stringify(row)).not.toContain('198.51.100.99');
	});
});

describe('the contact page without JavaScript', () => {
	it('shows errors beside their fields, keeps what was typed, and then accepts a fixed submission', async () => {
		const page = await (await fetch(url('/contact'))).text();
		const token = /name="formToken" value="([^"]+)"/.exec(page)?.[1] ?? '';
		const key = /name="idempotencyKey" value="([^"]+)"/.exec(page)?.[1] ?? '';
		const bad = await fetch(url('/contact'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				idempotencyKey: key,
				formToken: token,
				name: 'Ada',
				email: 'ada@',
				message: 'short',
			}).toString(),
		});
		expect(bad.status).toBe(400);
		const html = await bad.text();
		expect(html).toContain('Enter an email address like name@example.com.');
		expect(html).toMatch(/id="email"[^>]*value="ada@"/);
		expect(html).toMatch(/id="email"[^>]*aria-invalid="true"/);
		await new Promise((resolve) => setTimeout(resolve, 2100));
		const good = await fetch(url('/contact'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				...(inquiry() as unknown as Record<string, string>),
				consent: 'on',
				idempotencyKey: key,
				formToken: token,
			}).toString(),
			redirect: 'manual',
		});
		expect(good.status).toBe(303);
		expect(good.headers.get('location')).toMatch(/^\/inquiries\/inq_/);
	});

	it('does not store a tampered idempotency key: the post gets a fresh one', async () => {
		const page = await (await fetch(url('/contact'))).text();
		const token = /name="formToken" value="([^"]+)"/.exec(page)?.[1] ?? '';
		await new Promise((resolve) => setTimeout(resolve, 2100));
		const tampered = 'k'.repeat(5_000);
		const posted = await fetch(url('/contact'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({
				...(inquiry() as unknown as Record<string, string>),
				consent: 'on',
				idempotencyKey: tampered,
				formToken: token,
			}).toString(),
			redirect: 'manual',
		});
		expect(posted.status).toBe(303);
		const id = /inq_[0-9a-f]{32}/.exec(posted.headers.get('location') ?? '')?.[0];
		const [row] = queryD1<{ idempotency_key: string }>(
			`SELECT idempotency_key FROM inquiries WHERE id = '${id}'`,
		);
		expect(row?.idempotency_key).toMatch(/^form_[0-9a-f]{32}$/);
	});
});
