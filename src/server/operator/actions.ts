import { canHappen } from '~/lib/jobs/job-state';
import { recordedJobMessage } from '~/lib/queue/messages';
import type { AuditRepo } from '../db/audit-repo';
import type { DeadLettersRepo } from '../db/dead-letters-repo';
import type { InquiriesRepo } from '../db/inquiries-repo';
import type { JobsRepo } from '../db/jobs-repo';
import type { PriceWatchRepo } from '../db/price-watch-repo';
import { publishReviewNotice } from '../prices/review-notices';
import { startPriceWatch } from '../prices/start';
import { allSheets, type PriceCatalog } from '~/lib/pricing/catalog';
import { enqueueRecordedJobs, type JobQueue } from '../jobs/enqueue';

export interface OperatorDeps {
	db: Pick<D1Database, 'batch'>;
	jobs: Pick<
		JobsRepo,
		| 'find'
		| 'listByState'
		| 'replayStatement'
		| 'listForSubjects'
		| 'cancelPendingStatement'
		| 'insertOnceStatement'
		| 'insertNew'
	>;
	inquiries: Pick<InquiriesRepo, 'find' | 'releaseStatements' | 'listSamePerson' | 'eraseStatement'>;
	deadLetters: Pick<DeadLettersRepo, 'markReplayed'>;
	audit: Pick<AuditRepo, 'entry' | 'entryWhen'>;
	prices: Pick<PriceWatchRepo, 'acknowledgeStatement' | 'acknowledged' | 'openPriceDriftSince'>;
	/** Where each sheet's "prices under review" notice is kept (review-notices.ts). */
	cache: Pick<KVNamespace, 'put' | 'delete'>;
	catalog: () => Promise<PriceCatalog>;
	queue: JobQueue;
	log: (line: Record<string, unknown>) => void;
	newId: (prefix: string) => string;
	maxAttempts: number;
	now: number;
	/** Who acts, as authenticated: written to the audit log with every action. */
	actor: string;
}

/** What an action did, in a sentence for the console. */
export type ActionResult = { ok: true; message: string } | { ok: false; status: 404 | 409; message: string };

/**
 * Sends a dead or failed job round again: back to `queued` with fresh attempts, its dead letters
 * marked replayed, and the audit entry, in one transaction; then it is enqueued.
 */
export async function replayJob(
	jobId: string,
	deps: OperatorDeps,
	detail = 'replayed one job',
): Promise<ActionResult> {
	const job = await deps.jobs.find(jobId);
	if (!job) return { ok: false, status: 404, message: `No job ${jobId}.` };
	if (!canHappen(job.state, 'replay'))
		return {
			ok: false,
			status: 409,
			message: `Job ${jobId} is ${job.state}; only dead or failed jobs can be replayed.`,
		};
	await deps.db.batch([
		deps.jobs.replayStatement(jobId, deps.now),
		deps.deadLetters.markReplayed(jobId, deps.now),
		deps.audit.entry({
			at: deps.now,
			actor: deps.actor,
			action: 'job.replay',
			target: jobId,
			detail: `${detail} (was ${job.state}, ${job.attempt} attempts)`,
		}),
	]);
	const message = recordedJobMessage(job);
	await enqueueRecordedJobs(deps.queue, message ? [message] : [], deps.log);
	return { ok: true, message: `Job ${jobId} (${job.kind}) is queued again.` };
}

/** Replays every dead job, one audit entry each. */
export async function replayAllDead(deps: OperatorDeps): Promise<ActionResult> {
	const dead = await deps.jobs.listByState('dead', 500);
	let replayed = 0;
	for (const job of dead) if ((await replayJob(job.id, deps, 'replay all dead jobs')).ok) replayed += 1;
	return { ok: true, message: `${replayed} dead job${replayed === 1 ? '' : 's'} queued again.` };
}

/**
 * Releases an inquiry held as spam: it becomes an ordinary inquiry and gets its CRM and email
 * jobs, with the audit entry in the same transaction.
 */
export async function releaseSpam(inquiryId: string, deps: OperatorDeps): Promise<ActionResult> {
	const inquiry = await deps.inquiries.find(inquiryId);
	if (!inquiry) return { ok: false, status: 404, message: `No inquiry ${inquiryId}.` };
	if (inquiry.status !== 'spam')
		return { ok: false, status: 409, message: `Inquiry ${inquiryId} is not held as spam.` };
	const jobs = (['crm.sync', 'email.notify'] as const).map((kind) => ({
		id: deps.newId('job'),
		kind,
		maxAttempts: deps.maxAttempts,
	}));
	await deps.db.batch([
		...deps.inquiries.releaseStatements(inquiryId, jobs, deps.now),
		deps.audit.entry({
			at: deps.now,
			actor: deps.actor,
			action: 'inquiry.release',
			target: inquiryId,
			detail: 'released from spam review',
		}),
	]);
	await enqueueRecordedJobs(
		deps.queue,
		jobs.map((job) => ({ kind: job.kind, jobId: job.id })),
		deps.log,
	);
	return { ok: true, message: `Inquiry ${inquiryId} released; it goes to the CRM and the team now.` };
}

/**
 * Records that an operator has judged a price difference (the sheet is right, or will be fixed):
 * it stops counting as open drift, in the audit log with who did it. The same difference seen
 * again stays acknowledged; a new upstream value is a new difference.
 */
export async function acknowledgeDrift(driftId: string, deps: OperatorDeps): Promise<ActionResult> {
	const [acknowledged] = await deps.db.batch<{ sheet_id: string; item: string; field: string }>([
		deps.prices.acknowledgeStatement(driftId, deps.actor, deps.now),
		deps.audit.entryWhen(
			{
				at: deps.now,
				actor: deps.actor,
				action: 'price-drift.acknowledge',
				target: driftId,
				detail: 'acknowledged a price difference',
			},
			deps.prices.acknowledged(driftId, deps.actor, deps.now),
		),
	]);
	const row = acknowledged?.results[0];
	if (!row) {
		return {
			ok: false,
			status: 409,
			message: `Difference ${driftId} is not open (already acknowledged, resolved or unknown).`,
		};
	}
	const catalog = await deps.catalog();
	const sheet = allSheets(catalog).find((candidate) => candidate.id === row.sheet_id);
	const acknowledgedText = `Acknowledged: ${row.sheet_id}, ${row.item} ${row.field}.`;
	// The last open difference of a sheet acknowledged: its pages stop showing the notice. The
	// acknowledgement is recorded by now, so a failed notice update (KV takes one write a second
	// per key, and two quick clicks on one sheet are two) is reported, not turned into an error.
	try {
		if (sheet) await publishReviewNotice(sheet, deps);
	} catch (error) {
		deps.log({
			level: 'warn',
			msg: 'price review notice not updated',
			sheetId: row.sheet_id,
			error: String(error),
		});
		return {
			ok: true,
			message: `${acknowledgedText} The readers' notice could not be updated just now; the sheet's next check updates it, or use "Check all sheets now".`,
		};
	}
	return { ok: true, message: acknowledgedText };
}

/** Checks every watched price sheet now, as the daily cron does; the jobs show on the Prices page. */
export async function checkPricesNow(deps: OperatorDeps): Promise<ActionResult> {
	const run = `console-${new Date(deps.now).toISOString()}`;
	const jobs = await startPriceWatch(run, deps);
	await deps.db.batch([
		deps.audit.entry({
			at: deps.now,
			actor: deps.actor,
			action: 'price-watch.run',
			target: null,
			detail: `checked ${jobs.length} price sheets on request`,
		}),
	]);
	return {
		ok: true,
		message: `Checking ${jobs.length} price sheets now; their results appear here within a minute.`,
	};
}
