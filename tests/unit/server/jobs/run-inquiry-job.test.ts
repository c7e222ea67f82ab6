import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '~/lib/config/app-config';
import type { InquiryJobKind } from '~/lib/queue/messages';
import type { InquiryRecord } from '~/server/db/inquiries-repo';
import type { JobRecord } from '~/server/db/jobs-repo';
import { runInquiryJob, type RunJobDeps } from '~/server/jobs/run-inquiry-job';
import { VALID_VARS } from '../../fakes/config';

const config = parseAppConfig(VALID_VARS);

const inquiry = (erasedAt: number | null): InquiryRecord => ({
	id: 'inq_1',
	createdAt: 0,
	name: erasedAt === null ? 'Ada' : null,
	email: erasedAt === null ? 'ada@example.com' : null,
	company: null,
	projectType: 'integrations',
	budget: '10k-50k',
	timeline: '1-3-months',
	message: erasedAt === null ? 'Hello' : null,
	status: 'received',
	idempotencyKey: null,
	estimate: null,
	redactedAt: erasedAt,
	erasedAt,
});

/** One job about inquiry inq_1, and a record of every outside call and settlement. */
function setup(kind: InquiryJobKind, options: { erasedAt: number | null; syncRunning: boolean }) {
	const job = { id: 'job_1', kind, subjectId: 'inq_1', attempt: 1, maxAttempts: 5 } as JobRecord;
	const calls: string[] = [];
	const settled: { to: string; errorCode: string | undefined }[] = [];
	const deliver = (name: string) => async () => {
		calls.push(name);
		return { outcome: 'success' as const, error: null, code: null };
	};
	const deps = {
		config,
		jobs: {
			claimAndRead: async () => ({ job, row: inquiry(options.erasedAt) }),
			settle: async (
				_id: string,
				_attempt: number,
				to: string,
				_now: number,
				details?: { errorCode?: string },
			) => {
				settled.push({ to, errorCode: details?.errorCode });
			},
			isRunning: async (_subject: string, running: string) => options.syncRunning && running === 'crm.sync',
		},
		inquiries: { subjectOfJobStatement: () => ({}), fromRow: (row: InquiryRecord) => row },
		deliver: {
			'crm.sync': deliver('crm.sync'),
			'email.notify': deliver('email.notify'),
			'crm.erase': deliver('crm.erase'),
		},
		deadLetterQueue: { send: async () => undefined },
		deadLetters: { insert: async () => undefined },
		now: () => 1_000,
		random: () => 0.5,
		log: () => undefined,
	} as unknown as RunJobDeps;
	return { deps, calls, settled };
}

describe('inquiry jobs and erasure', () => {
	it('never sends an erased inquiry to the CRM or the team', async () => {
		for (const kind of ['crm.sync', 'email.notify'] as const) {
			const { deps, calls, settled } = setup(kind, { erasedAt: 500, syncRunning: false });
			expect(await runInquiryJob(kind, 'job_1', deps)).toEqual({ action: 'ack' });
			expect(calls).toEqual([]);
			expect(settled).toEqual([{ to: 'failed', errorCode: 'erased' }]);
		}
	});

	it('holds the CRM delete back while a sync attempt is still running, so the lead cannot come back', async () => {
		const { deps, calls, settled } = setup('crm.erase', { erasedAt: 500, syncRunning: true });
		const verdict = await runInquiryJob('crm.erase', 'job_1', deps);
		expect(verdict.action).toBe('retry');
		expect(calls).toEqual([]);
		expect(settled).toEqual([{ to: 'retrying', errorCode: 'interrupted' }]);
	});

	it('sends the CRM delete once no sync attempt is running', async () => {
		const { deps, calls, settled } = setup('crm.erase', { erasedAt: 500, syncRunning: false });
		expect(await runInquiryJob('crm.erase', 'job_1', deps)).toEqual({ action: 'ack' });
		expect(calls).toEqual(['crm.erase']);
		expect(settled).toEqual([{ to: 'succeeded', errorCode: undefined }]);
	});
});
