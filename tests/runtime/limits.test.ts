import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedFormToken } from '../support/form-token';
import { holdLocalD1WriteLock, startTestServer, type TestServer } from '../support/server';

// Limits get a server of their own, with small numbers, so a burst cannot disturb other tests.
const SECRET = 'limits-form-token-secret';
let server: TestServer;

beforeAll(async () => {
	server = await startTestServer({
		port: 4431,
		migrate: true,
		vars: {
			FORM_TOKEN_SECRET: SECRET,
			IP_HASH_SALT: 'limits-salt',
			MIN_SUBMIT_SECONDS: '1',
			RATE_LIMIT_MAX: '5',
			RATE_LIMIT_WINDOW_SECONDS: '600',
			REPORT_LIMIT_MAX: '3',
			INQUIRIES_PER_MINUTE: '16',
			REPORTS_PER_MINUTE: '1000',
		},
	});
	// The site-wide ceiling counts per calendar minute: start early in one, so the whole file
	// (a few seconds) runs inside it and no count resets halfway.
	const intoMinute = Date.now() % 60_000;
	if (intoMinute > 30_000) await new Promise((resolve) => setTimeout(resolve, 60_500 - intoMinute));
}, 120_000);
afterAll(() => server?.stop());

const inquiry = async (i: number) =>
	JSON.stringify({
		name: `Burst ${i}`,
		email: `burst-${i}@example.com`,
		projectType: 'integrations',
		budget: '10k-50k',
		timeline: '1-3-months',
		message: 'Part of a burst from one client.',
		consent: true,
		formToken: await signedFormToken(SECRET),
	});
const postInquiry = async (ip: string, i: number, headers: Record<string, string> = {}) =>
	fetch(`${server.url}/api/inquiries`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip, ...headers },
		body: await inquiry(i),
	});
/** Starts a downtime report for a client. */
const startReport = (ip: string) =>
	fetch(`${server.url}/api/reports`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'cf-connecting-ip': ip },
		body: JSON.stringify({ calculator: 'downtime', values: {} }),
	});
const count = (statuses: number[]) =>
	statuses.reduce<Record<number, number>>(
		(all, status) => ({ ...all, [status]: (all[status] ?? 0) + 1 }),
		{},
	);

describe('rate limits', () => {
	it('accepts exactly the limit from 50 parallel posts of one client; the rest get 429, none 500', async () => {
		const responses = await Promise.all(
			Array.from({ length: 50 }, (_, i) => postInquiry('198.51.100.20', i)),
		);
		expect(count(responses.map((response) => response.status))).toEqual({ 202: 5, 429: 45 });
		const refused = responses.find((response) => response.status === 429);
		expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('counts a whole IPv6 /64 as one client', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) statuses.push((await postInquiry(`2001:db8:7:7::${i + 1}`, 100 + i)).status);
		expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
	});

	it('counts retries with an idempotency key too', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++)
			statuses.push((await postInquiry('198.51.100.21', 200, { 'idempotency-key': 'same-key-123' })).status);
		expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
	});

	it('stops everyone once the site-wide ceiling per minute is reached', async () => {
		// The tests above used 15 of the minute's 16 (requests over a client's own limit are not counted).
		const statuses: number[] = [];
		for (let i = 0; i < 3; i++) statuses.push((await postInquiry(`203.0.113.${40 + i}`, 300 + i)).status);
		expect(statuses).toEqual([202, 429, 429]);
		const body = await (await postInquiry('203.0.113.99', 399)).json();
		expect(body).toMatchObject({ error: { code: 'rate_limited' } });
	});

	it('limits report starts per client', async () => {
		const start = () => startReport('198.51.100.30');
		const statuses: number[] = [];
		for (let i = 0; i < 4; i++) statuses.push((await start()).status);
		expect(statuses).toEqual([202, 202, 202, 429]);
	});
});

describe('a busy database', () => {
	// Last in the file: nothing it sends is counted while the database refuses writes, and the
	// one report it starts afterwards comes from a client no other test uses.
	it('answers 503 with Retry-After, not 500, while writes are refused, and the same request passes after', async () => {
		const start = () => startReport('198.51.100.31');
		const release = holdLocalD1WriteLock(server.stateDir);
		let busyApi: Response;
		let busyPage: Response;
		try {
			busyApi = await start();
			busyPage = await fetch(`${server.url}/contact`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': '198.51.100.32' },
				body: new URLSearchParams({
					name: 'Ada',
					email: 'ada@example.com',
					message: 'A message long enough.',
				}),
			});
		} finally {
			release();
		}
		expect(busyApi.status).toBe(503);
		expect(busyApi.headers.get('retry-after')).toBe('5');
		expect(await busyApi.json()).toMatchObject({
			error: { code: 'unavailable', message: expect.stringContaining('try again in 5 seconds') },
		});
		// A form post is answered with a page a person can read, not the bare 500 page.
		expect(busyPage.status).toBe(503);
		expect(busyPage.headers.get('retry-after')).toBe('5');
		expect(await busyPage.text()).toContain('<h1>Busy for a moment</h1>');

		expect((await start()).status).toBe(202);
	});
});
