import { describe, expect, it } from 'vitest';
import { toHeartbeatView } from '~/lib/queue/heartbeat-view';

describe('toHeartbeatView', () => {
	it('shows a consumed heartbeat with its time through the queue', () => {
		expect(toHeartbeatView({ id: 'h', source: 'cron', sentAt: 0, consumedAt: 1_500 }, 9_000)).toEqual({
			id: 'h',
			source: 'cron',
			state: 'consumed',
			sentAt: '1970-01-01T00:00:00.000Z',
			consumedAt: '1970-01-01T00:00:01.500Z',
			latencyMs: 1_500,
		});
	});

	it('shows a waiting heartbeat with how long it has waited so far', () => {
		const view = toHeartbeatView({ id: 'h', source: 'api', sentAt: 1_000, consumedAt: null }, 4_000);
		expect(view.state).toBe('queued');
		expect(view.consumedAt).toBeNull();
		expect(view.latencyMs).toBe(3_000);
	});
});
