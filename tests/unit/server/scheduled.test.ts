import { describe, expect, it } from 'vitest';
import type { JobMessage } from '~/lib/queue/messages';
import { CRON, runScheduled } from '~/server/scheduled';
import { createMemoryHeartbeatsRepo } from '../fakes/repos';

function setup() {
	const sent: JobMessage[] = [];
	const logs: Record<string, unknown>[] = [];
	const redactCalls: [number, number][] = [];
	const deps = {
		heartbeats: createMemoryHeartbeatsRepo().repo,
		jobs: { listOverdue: async () => [], listPastDeadline: async () => [], expireLease: async () => true },
		deadLetterQueue: { send: async () => undefined },
		deadLetters: { insert: async () => undefined },
		inquiries: {
			redactCreatedBefore: async (cutoff: number, now: number) => {
				redactCalls.push([cutoff, now]);
				return 3;
			},
		},
		redactAfterMs: 10,
		queue: { send: async (message: JobMessage) => void sent.push(message) },
		now: 42,
		newId: () => 'h1',
		log: (line: Record<string, unknown>) => logs.push(line),
	};
	return { sent, logs, redactCalls, deps };
}

describe('runScheduled', () => {
	it('sends a queue heartbeat on the heartbeat cron', async () => {
		const { sent, deps } = setup();
		await runScheduled(CRON.queueHeartbeat, deps);
		expect(sent).toEqual([{ kind: 'heartbeat', heartbeatId: 'h1', sentAt: 42 }]);
	});

	it('redacts inquiries older than the retention period on the privacy cron', async () => {
		const { sent, logs, redactCalls, deps } = setup();
		await runScheduled(CRON.privacy, deps);
		expect(redactCalls).toEqual([[32, 42]]);
		expect(sent).toEqual([]);
		expect(logs).toContainEqual(expect.objectContaining({ msg: 'old inquiries redacted', redacted: 3 }));
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
		expect(config).toContain(`"${CRON.privacy}"`);
	});
});
