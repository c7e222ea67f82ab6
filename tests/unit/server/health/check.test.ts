import { describe, expect, it } from 'vitest';
import { checkHealth } from '~/server/health/check';
import { createMemoryHeartbeatsRepo } from '../../fakes/repos';

const workingKv = { get: async () => null };
const deps = (heartbeats = createMemoryHeartbeatsRepo()) => ({
	heartbeats: heartbeats.repo,
	kv: workingKv,
	database: { sizeBytes: async () => 9_000_000_000 },
	databaseLimitBytes: 10_000_000_000,
	now: () => 10_000,
	queueStaleAfterMs: 60_000,
	version: 'test',
});

describe('checkHealth', () => {
	it('is ok when D1 and KV answer', async () => {
		const { httpStatus, report } = await checkHealth(deps());
		expect(httpStatus).toBe(200);
		expect(report.checks).toEqual({ db: 'ok', kv: 'ok', queue: 'no-heartbeat-yet', storage: 'near-limit' });
		expect(report.storageUsedPercent).toBe(90);
	});

	it('names D1 without leaking its error text when it fails', async () => {
		const heartbeats = createMemoryHeartbeatsRepo();
		heartbeats.state.failing = true;
		const { httpStatus, report } = await checkHealth(deps(heartbeats));
		expect(httpStatus).toBe(503);
		expect(report.errors).toEqual({ db: 'D1 did not answer the health query' });
	});

	it('names KV when a read fails', async () => {
		const failingKv = { get: async () => Promise.reject(new Error('KV_ERROR')) };
		const { httpStatus, report } = await checkHealth({ ...deps(), kv: failingKv });
		expect(httpStatus).toBe(503);
		expect(report.errors).toEqual({ kv: 'KV did not answer a read' });
	});
});
