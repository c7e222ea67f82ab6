import { sqlStatesAllowing } from './jobs-repo';

/** Jobs a CRM callback may confirm: those not finished yet. */
const CONFIRMABLE = sqlStatesAllowing('confirm');

/** CRM callbacks already handled, and the job update each one makes, in one transaction. */
export function createWebhookEventsRepo(db: D1Database) {
	return {
		async seen(id: string): Promise<boolean> {
			return (await db.prepare('SELECT 1 FROM webhook_events WHERE id = ?').bind(id).first()) !== null;
		},

		/**
		 * Records the event and applies `lead.created` to the inquiry's CRM job: the lead id joins its
		 * result, and an unfinished job is confirmed as succeeded (the CRM has the lead, whatever
		 * happened to our call). Both or neither: a replay racing this one fails on the primary key.
		 * The replay check and the job lookup are one query, the writes one batch.
		 */
		async recordLeadCreated(event: {
			id: string;
			type: string;
			reference: string;
			leadId: string | null;
			now: number;
		}): Promise<'applied' | 'duplicate' | 'no-job'> {
			const found = await db
				.prepare(
					`SELECT (SELECT 1 FROM webhook_events WHERE id = ?) AS seen,
					        (SELECT id FROM jobs WHERE kind = 'crm.sync' AND subject_id = ?) AS jobId`,
				)
				.bind(event.id, event.reference)
				.first<{ seen: number | null; jobId: string | null }>();
			if (found?.seen) return 'duplicate';
			if (!found?.jobId) return 'no-job';
			const job = { id: found.jobId };
			await db.batch([
				db
					.prepare(
						'INSERT INTO webhook_events (id, source, type, job_id, received_at) VALUES (?, ?, ?, ?, ?)',
					)
					.bind(event.id, 'crm', event.type, job.id, event.now),
				db
					.prepare(
						`UPDATE jobs SET result = json_patch(COALESCE(result, '{}'), ?), updated_at = ?,
						 state = CASE WHEN state IN ${CONFIRMABLE} THEN 'succeeded' ELSE state END,
						 deadline_at = CASE WHEN state IN ${CONFIRMABLE} THEN NULL ELSE deadline_at END
						 WHERE id = ?`,
					)
					.bind(JSON.stringify({ crmLeadId: event.leadId }), event.now, job.id),
			]);
			return 'applied';
		},

		/** Records an event that changes nothing, so a replay of it is still recognised. */
		async recordIgnored(event: { id: string; type: string; now: number }): Promise<void> {
			await db
				.prepare(
					'INSERT INTO webhook_events (id, source, type, job_id, received_at) VALUES (?, ?, ?, NULL, ?)',
				)
				.bind(event.id, 'crm', event.type, event.now)
				.run();
		},
	};
}

export type WebhookEventsRepo = ReturnType<typeof createWebhookEventsRepo>;
