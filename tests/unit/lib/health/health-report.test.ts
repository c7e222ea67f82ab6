import { describe, expect, it } from 'vitest';
import { createHealthReport, describeQueueHealth } from '~/lib/health/health-report';

const now = 1_000_000;
const base = { now, queueStaleAfterMs: 60_000, version: '1.2.3' };

describe('createHealthReport', () => {
	it('is 200 ok when the database answers', () => {
		const { httpStatus, report } = createHealthReport({ ...base, db: { ok: true }, lastHeartbeatConsumedAt: now - 5_000 });
		expect(httpStatus).toBe(200);
		expect(report).toEqual({
			status: 'ok',
			checks: { db: 'ok', queue: 'ok' },
			version: '1.2.3',
			queueLastHeartbeatAgeSeconds: 5,
		});
	});

	it('is 503 and names the failing check when the database does not answer', () => {
		const { httpStatus, report } = createHealthReport({
			...base,
			db: { ok: false, error: 'D1 did not answer the health query' },
			lastHeartbeatConsumedAt: null,
		});
		expect(httpStatus).toBe(503);
		expect(report.status).toBe('failing');
		expect(report.checks.db).toBe('failing');
		expect(report.errors).toEqual({ db: 'D1 did not answer the health query' });
	});

	it('stays 200 when only the queue is slow, since queued work waits rather than disappears', () => {
		const { httpStatus, report } = createHealthReport({ ...base, db: { ok: true }, lastHeartbeatConsumedAt: now - 120_000 });
		expect(httpStatus).toBe(200);
		expect(report.checks.queue).toBe('stale');
	});
});

describe('describeQueueHealth', () => {
	it.each([
		[null, 'no-heartbeat-yet'],
		[now - 60_000, 'ok'],
		[now - 60_001, 'stale'],
	] as const)('last consumed at %s is %s', (lastConsumedAt, expected) => {
		expect(describeQueueHealth(lastConsumedAt, now, 60_000)).toBe(expected);
	});
});
