import { describe, expect, it } from 'vitest';
import type { HealthReport } from '~/lib/health/health-report';
import type { ProblemBody } from '~/lib/http/problem';
import type { HeartbeatView } from '~/lib/queue/heartbeat-view';
import { eventually, fetchJson, queryD1, url } from './http';

type Accepted = HeartbeatView & { reused: boolean; statusUrl: string };

describe('POST /api/heartbeats, through the jobs queue', () => {
	it('enqueues a message that the queue consumer processes', async () => {
		const { response, body: accepted } = await fetchJson<Accepted>('/api/heartbeats', { method: 'POST' });
		expect(response.status).toBe(202);
		expect(accepted).toMatchObject({ state: 'queued', source: 'api', reused: false });
		expect(response.headers.get('location')).toBe(accepted.statusUrl);

		const consumed = await eventually(async () => {
			const { body } = await fetchJson<HeartbeatView>(accepted.statusUrl);
			return body.state === 'consumed' ? body : undefined;
		});
		expect(consumed.id).toBe(accepted.id);
		expect(Date.parse(consumed.consumedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(consumed.sentAt));

		const { body: health } = await fetchJson<HealthReport>('/api/health');
		expect(health.checks.queue).toBe('ok');
		expect(health.queueLastHeartbeatAgeSeconds).toBeLessThan(60);
	});

	it('reuses the heartbeat sent moments ago instead of flooding the queue', async () => {
		const { body: first } = await fetchJson<Accepted>('/api/heartbeats', { method: 'POST' });
		const { body: second } = await fetchJson<Accepted>('/api/heartbeats', { method: 'POST' });
		expect(second.id).toBe(first.id);
		expect(second.reused).toBe(true);
	});

	it('refuses a write from another site, for JSON requests too', async () => {
		const { response, body } = await fetchJson<ProblemBody>('/api/heartbeats', {
			method: 'POST',
			headers: { origin: 'https://attacker.example', 'content-type': 'application/json' },
			body: '{}',
		});
		expect(response.status).toBe(403);
		expect(body.error.code).toBe('forbidden');
	});

	it('answers an unknown heartbeat id with 404 naming the field', async () => {
		const { response, body } = await fetchJson<ProblemBody>('/api/heartbeats/does-not-exist');
		expect(response.status).toBe(404);
		expect(body.error).toMatchObject({ code: 'not_found', field: 'id' });
	});

	it('sends a heartbeat through the queue when the cron trigger fires', async () => {
		// Other tests fire this cron too, so look only at heartbeats sent from now on.
		const since = Date.now();
		const cronHeartbeats = () =>
			queryD1<{ n: number }>(
				`SELECT count(*) AS n FROM heartbeats WHERE source = 'cron' AND sent_at >= ${since} AND consumed_at IS NOT NULL`,
			)[0]?.n ?? 0;
		expect(cronHeartbeats()).toBe(0);
		const fired = await fetch(url('/cdn-cgi/handler/scheduled?cron=*/5+*+*+*+*'));
		expect(fired.status).toBe(200);
		await eventually(async () => (cronHeartbeats() >= 1 ? true : undefined));
	});
});
