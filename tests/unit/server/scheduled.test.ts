import { describe, expect, it } from 'vitest';
import type { JobMessage } from '~/lib/queue/messages';
import { CRON, runScheduled } from '~/server/scheduled';
import { createMemoryHeartbeatsRepo } from '../fakes/repos';

function setup() {
	const sent: JobMessage[] = [];
	const logs: Record<string, unknown>[] = [];
	const deps = {
		heartbeats: createMemoryHeartbeatsRepo().repo,
		jobs: { listOverdue: async () => [] },
		queue: { send: async (message: JobMessage) => void sent.push(message) },
		now: 42,
		newId: () => 'h1',
		log: (line: Record<string, unknown>) => logs.push(line),
	};
	return { sent, logs, deps };
}

describe('runScheduled', () => {
	it('sends a queue heartbeat on the heartbeat cron', async () => {
		const { sent, deps } = setup();
		await runScheduled(CRON.queueHeartbeat, deps);
		expect(sent).toEqual([{ kind: 'heartbeat', heartbeatId: 'h1', sentAt: 42 }]);
	});

	it('logs a cron it has no work for instead of failing silently', async () => {
		const { sent, logs, deps } = setup();
		await runScheduled('0 3 * * *', deps);
		expect(sent).toEqual([]);
		expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', cron: '0 3 * * *' }));
	});

	it('uses the cron expressions configured in wrangler.jsonc', async () => {
		const { readFileSync } = await import('node:fs');
		const config = readFileSync(new URL('../../../wrangler.jsonc', import.meta.url), 'utf8');
		expect(config).toContain(`"${CRON.queueHeartbeat}"`);
	});
});
