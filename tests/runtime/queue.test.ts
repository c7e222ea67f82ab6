import { describe, expect, it } from 'vitest';
import { eventually, queryD1, url } from './http';

describe('POST /api/heartbeats, through the jobs queue', () => {
	it('enqueues a message that the queue consumer processes', async () => {
		const response = await fetch(url('/api/heartbeats'), { method: 'POST' });
		expect(response.status).toBe(202);
		const accepted = await response.json();
		expect(accepted).toMatchObject({ state: 'queued', source: 'api', reused: false });
		expect(response.headers.get('location')).toBe(accepted.statusUrl);

		const consumed = await eventually(async () => {
			const status = await (await fetch(url(accepted.statusUrl))).json();
			return status.state === 'consumed' ? status : undefined;
		});
		expect(consumed.id).toBe(accepted.id);
		expect(Date.parse(consumed.consumedAt)).toBeGreaterThanOrEqual(Date.parse(consumed.sentAt));

		const health = await (await fetch(url('/api/health'))).json();
		expect(health.checks.queue).toBe('ok');
		expect(health.queueLastHeartbeatAgeSeconds).toBeLessThan(60);
	});

	it('reuses the heartbeat sent moments ago instead of flooding the queue', async () => {
		const first = await (await fetch(url('/api/heartbeats'), { method: 'POST' })).json();
		const second = await (await fetch(url('/api/heartbeats'), { method: 'POST' })).json();
		expect(second.id).toBe(first.id);
		expect(second.reused).toBe(true);
	});

	it('refuses a write from another site, for JSON requests too', async () => {
		const response = await fetch(url('/api/heartbeats'), {
			method: 'POST',
			headers: { origin: 'https://attacker.example', 'content-type': 'application/json' },
			body: '{}',
		});
		expect(response.status).toBe(403);
		expect((await response.json()).error.code).toBe('forbidden');
	});

	it('answers an unknown heartbeat id with 404 naming the field', async () => {
		const response = await fetch(url('/api/heartbeats/does-not-exist'));
		expect(response.status).toBe(404);
		expect((await response.json()).error).toMatchObject({ code: 'not_found', field: 'id' });
	});

	it('sends a heartbeat through the queue when the cron trigger fires', async () => {
		const cronHeartbeats = () =>
			queryD1<{ n: number }>("SELECT count(*) AS n FROM heartbeats WHERE source = 'cron' AND consumed_at IS NOT NULL")[0]?.n;
		expect(cronHeartbeats()).toBe(0);
		const fired = await fetch(url('/cdn-cgi/handler/scheduled?cron=*/5+*+*+*+*'));
		expect(fired.status).toBe(200);
		await eventually(async () => (cronHeartbeats() === 1 ? true : undefined));
	});
});
