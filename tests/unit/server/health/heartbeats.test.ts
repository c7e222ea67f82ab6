import { describe, expect, it } from 'vitest';
import type { HeartbeatMessage } from '~/lib/queue/messages';
import { sendHeartbeat, sendThrottledHeartbeat } from '~/server/health/heartbeats';
import { createMemoryHeartbeatsRepo } from '../../fakes/repos';

function setup(now: number) {
	const heartbeats = createMemoryHeartbeatsRepo();
	const sent: HeartbeatMessage[] = [];
	let nextId = 0;
	const queue = {
		send: async (message: HeartbeatMessage) => void sent.push(message),
	};
	return { heartbeats, sent, deps: { heartbeats: heartbeats.repo, queue, now, newId: () => `h${++nextId}` } };
}

describe('sendHeartbeat', () => {
	it('records the heartbeat in D1, then enqueues it', async () => {
		const { heartbeats, sent, deps } = setup(1_000);
		const heartbeat = await sendHeartbeat(deps, 'cron');
		expect(heartbeats.rows.get('h1')).toEqual({ id: 'h1', source: 'cron', sentAt: 1_000, consumedAt: null });
		expect(sent).toEqual([{ kind: 'heartbeat', heartbeatId: 'h1', sentAt: 1_000 }]);
		expect(heartbeat.id).toBe('h1');
	});

	it('enqueues nothing when the record cannot be written', async () => {
		const { heartbeats, sent, deps } = setup(1_000);
		heartbeats.state.failing = true;
		await expect(sendHeartbeat(deps, 'api')).rejects.toThrow(/unavailable/);
		expect(sent).toEqual([]);
	});
});

describe('sendThrottledHeartbeat', () => {
	it('reuses a heartbeat sent within the interval', async () => {
		const first = setup(10_000);
		await sendHeartbeat({ ...first.deps, now: 5_000 }, 'api');
		const result = await sendThrottledHeartbeat(first.deps, 10_000);
		expect(result).toMatchObject({ reused: true, heartbeat: { id: 'h1' } });
		expect(first.sent).toHaveLength(1);
	});

	it('sends a new one once the interval has passed', async () => {
		const { sent, deps } = setup(20_000);
		await sendHeartbeat({ ...deps, now: 5_000 }, 'api');
		const result = await sendThrottledHeartbeat(deps, 10_000);
		expect(result).toMatchObject({ reused: false, heartbeat: { id: 'h2', source: 'api' } });
		expect(sent).toHaveLength(2);
	});
});
