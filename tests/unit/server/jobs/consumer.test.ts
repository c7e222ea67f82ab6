import { describe, expect, it, vi } from 'vitest';
import { consumeQueueBatch } from '~/server/jobs/consumer';
import { currentScope, writeLog } from '~/server/observability/trace-scope';
import { createFakeBatch, createFakeMessage } from '../../fakes/queue';
import { createMemoryDeadLettersRepo, createMemoryHeartbeatsRepo } from '../../fakes/repos';

function setup() {
	const heartbeats = createMemoryHeartbeatsRepo();
	const deadLetters = createMemoryDeadLettersRepo();
	const logs: Record<string, unknown>[] = [];
	const ran: string[] = [];
	const deps = {
		heartbeats: heartbeats.repo,
		deadLetters: deadLetters.repo,
		now: () => 5_000,
		log: (line: Record<string, unknown>) => logs.push(line),
		runInquiryJob: async (kind: string, jobId: string) => {
			ran.push(`${kind}:${jobId}`);
			return jobId === 'flaky'
				? ({ action: 'retry', delaySeconds: 7, reason: 'HTTP 503' } as const)
				: ({ action: 'ack' } as const);
		},
		runReportJob: async (jobId: string) => {
			ran.push(`report.build:${jobId}`);
			return { action: 'ack' } as const;
		},
		runPriceWatchJob: async (jobId: string) => {
			ran.push(`price.watch:${jobId}`);
			return { action: 'ack' } as const;
		},
	};
	return { heartbeats, deadLetters, logs, deps, ran };
}

describe('consumeQueueBatch on the jobs queue', () => {
	it('marks a heartbeat consumed and acks it', async () => {
		const { heartbeats, deps } = setup();
		await heartbeats.repo.insert({ id: 'h1', source: 'api', sentAt: 1_000 });
		const message = createFakeMessage('m1', { kind: 'heartbeat', heartbeatId: 'h1', sentAt: 1_000 });
		await consumeQueueBatch(createFakeBatch('loadbearing-jobs', [message]), deps);
		expect(message.outcome).toEqual({ action: 'ack' });
		expect(heartbeats.rows.get('h1')?.consumedAt).toBe(5_000);
	});

	it('retries a message whose handler fails, with a growing delay, and still handles the others', async () => {
		const { heartbeats, deps } = setup();
		heartbeats.state.failing = true;
		const third = createFakeMessage('m1', { kind: 'heartbeat', heartbeatId: 'h1', sentAt: 1 }, 3);
		const malformed = createFakeMessage('m2', { kind: 'nonsense' });
		await consumeQueueBatch(createFakeBatch('loadbearing-jobs', [third, malformed]), deps);
		expect(third.outcome).toEqual({ action: 'retry', delaySeconds: 8 });
		expect(malformed.outcome).toEqual({ action: 'ack' });
	});

	it('keeps a malformed message as a dead letter instead of retrying it forever', async () => {
		const { deadLetters, deps } = setup();
		const message = createFakeMessage('m9', { kind: 'nonsense', payload: 1 });
		await consumeQueueBatch(createFakeBatch('loadbearing-jobs', [message]), deps);
		expect(message.outcome).toEqual({ action: 'ack' });
		expect(deadLetters.rows).toEqual([
			{
				id: 'm9',
				queue: 'loadbearing-jobs',
				kind: 'nonsense',
				body: { kind: 'nonsense', payload: 1 },
				attempts: 1,
				receivedAt: 5_000,
			},
		]);
	});

	it('logs each decision with the message id and kind', async () => {
		const { heartbeats, logs, deps } = setup();
		await heartbeats.repo.insert({ id: 'h1', source: 'api', sentAt: 1 });
		await consumeQueueBatch(
			createFakeBatch('loadbearing-jobs', [
				createFakeMessage('m1', { kind: 'heartbeat', heartbeatId: 'h1', sentAt: 1 }),
			]),
			deps,
		);
		expect(logs).toContainEqual(
			expect.objectContaining({ msg: 'queue message', messageId: 'm1', kind: 'heartbeat', action: 'ack' }),
		);
	});
});

describe('consumeQueueBatch on the dead-letter queue', () => {
	it('records every message that ran out of retries, then acks it', async () => {
		const { deadLetters, deps } = setup();
		const message = createFakeMessage('m3', { kind: 'heartbeat', heartbeatId: 'h3', sentAt: 1 }, 6);
		await consumeQueueBatch(createFakeBatch('loadbearing-jobs-dlq', [message]), deps);
		expect(message.outcome).toEqual({ action: 'ack' });
		expect(deadLetters.rows[0]).toMatchObject({
			id: 'm3',
			queue: 'loadbearing-jobs-dlq',
			kind: 'heartbeat',
			attempts: 6,
		});
	});

	it('retries a dead letter it could not store, so it is never dropped', async () => {
		const { deps } = setup();
		const failingStore = { insert: async () => Promise.reject(new Error('D1 down')) };
		const message = createFakeMessage('m4', { kind: 'heartbeat' });
		await consumeQueueBatch(createFakeBatch('loadbearing-jobs-dlq', [message]), {
			...deps,
			deadLetters: failingStore,
		});
		expect(message.outcome).toEqual({ action: 'retry', delaySeconds: 2 });
	});
});

describe('consumeQueueBatch with recorded jobs', () => {
	it('runs each job message (inquiry jobs and reports) and follows its verdict', async () => {
		const { deps, ran } = setup();
		const ok = createFakeMessage('m1', { kind: 'crm.sync', jobId: 'job_1' });
		const flaky = createFakeMessage('m2', { kind: 'email.notify', jobId: 'flaky' });
		const report = createFakeMessage('m3', { kind: 'report.build', jobId: 'job_r' });
		await consumeQueueBatch(createFakeBatch('loadbearing-jobs', [ok, flaky, report]), deps);
		expect(ran).toEqual(['crm.sync:job_1', 'email.notify:flaky', 'report.build:job_r']);
		expect(report.outcome).toEqual({ action: 'ack' });
		expect(ok.outcome).toEqual({ action: 'ack' });
		expect(flaky.outcome).toEqual({ action: 'retry', delaySeconds: 7 });
	});
});

describe('consumeQueueBatch and traces', () => {
	it("runs each message in its job's trace, side by side without mixing them up", async () => {
		const { deps } = setup();
		const seen: Record<string, string | undefined> = {};
		const lines: Record<string, unknown>[] = [];
		const traced = {
			...deps,
			log: (line: Record<string, unknown>) =>
				void lines.push({ ...line, traceId: currentScope()?.trace.traceId }),
			runInquiryJob: async (_kind: string, jobId: string) => {
				await new Promise((resolve) => setTimeout(resolve, jobId === 'job_a' ? 20 : 0));
				seen[jobId] = currentScope()?.trace.traceId;
				writeLog({ msg: 'delivered' });
				return { action: 'ack' } as const;
			},
		};
		vi.spyOn(console, 'log').mockImplementation(() => {});
		const trace = (digit: string) => `00-${digit.repeat(32)}-${'1'.repeat(16)}-01`;
		const a = createFakeMessage('m1', {
			kind: 'crm.sync',
			jobId: 'job_a',
			traceparent: trace('a'),
			requestId: 'req-aaaaaaaa',
		});
		const b = createFakeMessage('m2', { kind: 'email.notify', jobId: 'job_b', traceparent: trace('b') });
		await consumeQueueBatch(createFakeBatch('loadbearing-jobs', [a, b]), traced);
		expect(seen).toEqual({ job_a: 'a'.repeat(32), job_b: 'b'.repeat(32) });
		expect(lines.map((line) => [line['jobId'], line['traceId']]).sort()).toEqual([
			['job_a', 'a'.repeat(32)],
			['job_b', 'b'.repeat(32)],
		]);
		vi.restoreAllMocks();
	});
});
