import { describe, expect, it } from 'vitest';
import type { HealthReport } from '~/lib/health/health-report';
import { toStatusRows } from '~/lib/health/status-rows';

const healthy: HealthReport = {
	status: 'ok',
	checks: { db: 'ok', kv: 'ok', queue: 'ok', storage: 'ok' },
	version: '1.0.0',
	queueLastHeartbeatAgeSeconds: 42,
};

describe('toStatusRows', () => {
	it('describes a healthy site in plain words', () => {
		expect(toStatusRows(healthy).map((row) => [row.check, row.state])).toEqual([
			['Database', 'Working'],
			['Key-value store', 'Working'],
			['Background jobs', 'Working'],
		]);
		expect(toStatusRows(healthy)[2]?.detail).toContain('Last heartbeat 42 s ago.');
	});

	it('shows why a failing check fails', () => {
		const rows = toStatusRows({
			...healthy,
			status: 'failing',
			checks: { db: 'failing', kv: 'ok', queue: 'unknown', storage: 'unknown' },
			errors: { db: 'D1 answered, but the schema is missing: apply the migrations' },
		});
		expect(rows[0]).toEqual({
			check: 'Database',
			state: 'Failing',
			tone: 'failing',
			detail: 'D1 answered, but the schema is missing: apply the migrations',
		});
		expect(rows[2]?.state).toBe('Unknown');
	});

	it('reassures that delayed jobs are not lost', () => {
		const rows = toStatusRows({ ...healthy, checks: { ...healthy.checks, queue: 'stale' } });
		expect(rows[2]).toMatchObject({
			state: 'Delayed',
			detail: expect.stringContaining('Nothing is lost') as string,
		});
	});
});
