import { describe, expect, it } from 'vitest';
import type { JobMessage } from '~/lib/queue/messages';
import type { JobRecord } from '~/server/db/jobs-repo';
import { RETENTION_RULES, type RetentionDays, type RetentionRuleId } from '~/lib/retention';
import { CLEANUP_BATCH, CRON, recoverInterruptedJobs, runScheduled } from '~/server/jobs/scheduled';
import { createMemoryHeartbeatsRepo } from '../../fakes/repos';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const DAY = 86_400_000;

function setup() {
	const sent: JobMessage[] = [];
	const logs: Record<string, unknown>[] = [];
	const redactCalls: [number, number][] = [];
	const deleteCalls: number[] = [];
	const retentionCalls: [RetentionRuleId, number][] = [];
	const recorded = new Set<string>();
	const batches: { body: unknown }[][] = [];
	let ids = 0;
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
		rateLimits: {
			// Two full batches of ended windows, then a short one: three statements, then it stops.
			deleteEnded: async (_now: number, limit: number) => [limit, limit, 7][deleteCalls.push(limit) - 1] ?? 0,
		},
		retention: {
			deleteOlderThan: async (rule: RetentionRuleId, cutoff: number) => {
				retentionCalls.push([rule, cutoff]);
				return rule === 'spam' ? 4 : 0;
			},
		},
		retentionDays: {
			...Object.fromEntries(RETENTION_RULES.map((rule) => [rule.id, 1])),
			spam: 2,
		} as RetentionDays,
		redactAfterMs: 10,
		priceWatch: {
			catalog: async () => loadPriceCatalog(),
			jobs: {
				// As the jobs table does: one job per kind and subject, ever.
				insertNew: async (jobs: readonly { id: string; kind: string; subjectId: string }[]) =>
					jobs
						.filter(
							(job) =>
								!recorded.has(`${job.kind} ${job.subjectId}`) && recorded.add(`${job.kind} ${job.subjectId}`),
						)
						.map((job) => job.id),
			},
			queue: { sendBatch: async (messages: { body: unknown }[]) => void batches.push(messages) },
			newId: () => `job_${++ids}`,
			maxAttempts: 5,
		},
		queue: { send: async (message: JobMessage) => void sent.push(message) },
		now: 42,
		newId: () => 'h1',
		log: (line: Record<string, unknown>) => logs.push(line),
	};
	return { sent, logs, redactCalls, deleteCalls, retentionCalls, deps, recorded, batches };
}

describe('runScheduled', () => {
	it('starts a price check for every sheet with an upstream, once per run however often the cron fires', async () => {
		const { deps, recorded, batches } = setup();
		await runScheduled(CRON.priceWatch, deps);
		await runScheduled(CRON.priceWatch, deps);
		const sheets = loadPriceCatalog();
		const watched = [...sheets.metered, ...sheets.llm, ...sheets.database].filter(
			(sheet) => sheet.watch.kind !== 'manual',
		);
		expect([...recorded].sort()).toEqual(
			watched.map((sheet) => `price.watch ${sheet.id}/1970-01-01T00:00:00.042Z`).sort(),
		);
		expect(batches).toHaveLength(1);
		expect(batches[0]).toHaveLength(watched.length);
		expect(recorded.has('price.watch database-planetscale-postgres/1970-01-01T00:00:00.042Z')).toBe(false);
	});

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

	it('deletes ended rate-limit windows in bounded batches until a batch comes back short', async () => {
		const { logs, deleteCalls, deps } = setup();
		await runScheduled(CRON.privacy, deps);
		expect(deleteCalls).toEqual([CLEANUP_BATCH.rows, CLEANUP_BATCH.rows, CLEANUP_BATCH.rows]);
		expect(logs).toContainEqual(
			expect.objectContaining({
				msg: 'ended rate-limit windows deleted',
				deleted: 2 * CLEANUP_BATCH.rows + 7,
			}),
		);
	});

	it('applies every retention rule with its own cutoff on the daily cron', async () => {
		const { logs, retentionCalls, deps } = setup();
		await runScheduled(CRON.privacy, { ...deps, now: 10 * DAY });
		expect(retentionCalls.map(([rule]) => rule)).toEqual(RETENTION_RULES.map((rule) => rule.id));
		expect(retentionCalls.find(([rule]) => rule === 'spam')?.[1]).toBe(8 * DAY);
		expect(retentionCalls.find(([rule]) => rule === 'heartbeats')?.[1]).toBe(9 * DAY);
		expect(logs).toContainEqual(
			expect.objectContaining({ msg: 'retention applied', rule: 'spam', deleted: 4 }),
		);
	});

	it('logs a cron it has no work for instead of failing silently', async () => {
		const { sent, logs, deps } = setup();
		await runScheduled('0 3 * * *', deps);
		expect(sent).toEqual([]);
		expect(logs).toContainEqual(expect.objectContaining({ level: 'warn', cron: '0 3 * * *' }));
	});

	it('uses the cron expressions configured in wrangler.jsonc', async () => {
		const { readFileSync } = await import('node:fs');
		const config = readFileSync(new URL('../../../../wrangler.jsonc', import.meta.url), 'utf8');
		expect(config).toContain(`"${CRON.queueHeartbeat}"`);
		expect(config).toContain(`"${CRON.privacy}"`);
	});
});

describe('recoverInterruptedJobs', () => {
	const stuck = (attempt: number) =>
		({
			id: `job_${attempt}`,
			kind: 'report.build',
			subjectId: 'rpt_1',
			attempt,
			maxAttempts: 3,
		}) as JobRecord;

	it('re-queues a running job past its deadline, or buries it when no attempts are left', async () => {
		const moves: [string, string][] = [];
		const sent: unknown[] = [];
		const letters: unknown[] = [];
		const count = await recoverInterruptedJobs({
			jobs: {
				listPastDeadline: async () => [stuck(1), stuck(3)],
				expireLease: async (job, to) => (moves.push([job.id, to]), true),
			},
			queue: { send: async (message) => void sent.push(message) },
			deadLetterQueue: { send: async (letter) => void letters.push(letter) },
			deadLetters: { insert: async () => undefined },
			now: 1_000,
			log: () => undefined,
		});
		expect(count).toBe(2);
		expect(moves).toEqual([
			['job_1', 'retrying'],
			['job_3', 'dead'],
		]);
		expect(sent).toEqual([{ kind: 'report.build', jobId: 'job_1' }]);
		expect(letters).toEqual([
			expect.objectContaining({
				jobId: 'job_3',
				attempts: 3,
				lastError: expect.stringMatching(/no attempts are left/),
			}),
		]);
	});

	it('leaves a job alone that finished while the cron looked', async () => {
		const sent: unknown[] = [];
		await recoverInterruptedJobs({
			jobs: { listPastDeadline: async () => [stuck(1)], expireLease: async () => false },
			queue: { send: async (message) => void sent.push(message) },
			deadLetterQueue: { send: async () => undefined },
			deadLetters: { insert: async () => undefined },
			now: 1_000,
			log: () => undefined,
		});
		expect(sent).toEqual([]);
	});
});
