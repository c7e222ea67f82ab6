import { describe, expect, it } from 'vitest';
import { createHealthReport, describeQueueHealth } from '~/lib/health/health-report';

const now = 1_000_000;
const base = { now, queueStaleAfterMs: 60_000, version: '1.2.3', databaseLimitBytes: 10_000 };
const allOk = { db: { ok: true }, kv: { ok: true } } as const;

describe('createHealthReport', () => {
	it('is 200 ok when D1 and KV answer', () => {
		const { httpStatus, report } = createHealthReport({
			...base,
			critical: allOk,
			lastHeartbeatConsumedAt: now - 5_000,
			databaseBytes: 2_500,
		});
		expect(httpStatus).toBe(200);
		expect(report).toEqual({
			status: 'ok',
			checks: { db: 'ok', kv: 'ok', queue: 'ok', storage: 'ok' },
			version: '1.2.3',
			queueLastHeartbeatAgeSeconds: 5,
			storageUsedPercent: 25,
		});
	});

	it('is 503 and names the failing check when the database does not answer', () => {
		const { httpStatus, report } = createHealthReport({
			...base,
			critical: { ...allOk, db: { ok: false, error: 'D1 did not answer the health query' } },
			lastHeartbeatConsumedAt: undefined,
		});
		expect(httpStatus).toBe(503);
		expect(report.status).toBe('failing');
		expect(report.checks).toEqual({ db: 'failing', kv: 'ok', queue: 'unknown', storage: 'unknown' });
		expect(report.errors).toEqual({ db: 'D1 did not answer the health query' });
	});

	it('warns, and stays 200, once the database passes 80% of its size limit', () => {
		const nearly = createHealthReport({
			...base,
			critical: allOk,
			lastHeartbeatConsumedAt: now,
			databaseBytes: 8_000,
		});
		expect([nearly.httpStatus, nearly.report.checks.storage, nearly.report.storageUsedPercent]).toEqual([
			200,
			'near-limit',
			80,
		]);
		const fine = createHealthReport({
			...base,
			critical: allOk,
			lastHeartbeatConsumedAt: now,
			databaseBytes: 7_999,
		});
		expect(fine.report.checks.storage).toBe('ok');
	});

	it('is 503 naming kv when only KV fails', () => {
		const { httpStatus, report } = createHealthReport({
			...base,
			critical: { ...allOk, kv: { ok: false, error: 'KV did not answer a read' } },
			lastHeartbeatConsumedAt: null,
		});
		expect(httpStatus).toBe(503);
		expect(report.errors).toEqual({ kv: 'KV did not answer a read' });
	});

	it('stays 200 when only the queue is slow, since queued work waits rather than disappears', () => {
		const { httpStatus, report } = createHealthReport({
			...base,
			critical: allOk,
			lastHeartbeatConsumedAt: now - 120_000,
		});
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
