import type { RetentionRuleId } from '~/lib/retention';

/** Job states after which nothing runs again (an operator's replay aside). */
const FINISHED = `('succeeded', 'failed', 'dead')`;

/**
 * Bounded deletes for each retention rule: at most `limit` rows (or report jobs) per call, all
 * older than `cutoff`, each through an index (migrations/0006_retention_indexes.sql).
 */
export function createRetentionRepo(db: D1Database) {
	const deleteWhere = async (sql: string, cutoff: number, limit: number) =>
		(await db.prepare(sql).bind(cutoff, limit).run()).meta.changes ?? 0;

	const rules: Record<RetentionRuleId, (cutoff: number, limit: number) => Promise<number>> = {
		// A report is its job, its steps, its attempts and the finished report: all go together.
		'finished-reports': async (cutoff, limit) => {
			const { results } = await db
				.prepare(
					`SELECT id FROM jobs WHERE kind = 'report.build' AND state IN ${FINISHED} AND updated_at < ?1 LIMIT ?2`,
				)
				.bind(cutoff, limit)
				.all<{ id: string }>();
			if (results.length === 0) return 0;
			const ids = JSON.stringify(results.map((row) => row.id));
			const inIds = (table: string, column: string) =>
				db.prepare(`DELETE FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?1))`).bind(ids);
			await db.batch([
				inIds('reports', 'job_id'),
				inIds('report_steps', 'job_id'),
				inIds('job_attempts', 'job_id'),
				inIds('jobs', 'id'),
			]);
			return results.length;
		},
		// A sheet's last check names its job, so that one stays however old it is.
		'finished-price-checks': async (cutoff, limit) => {
			const { results } = await db
				.prepare(
					`SELECT id FROM jobs WHERE kind = 'price.watch' AND state IN ${FINISHED} AND updated_at < ?1
					 AND id NOT IN (SELECT job_id FROM price_sheet_checks WHERE job_id IS NOT NULL) LIMIT ?2`,
				)
				.bind(cutoff, limit)
				.all<{ id: string }>();
			if (results.length === 0) return 0;
			const ids = JSON.stringify(results.map((row) => row.id));
			await db.batch([
				db.prepare('DELETE FROM job_attempts WHERE job_id IN (SELECT value FROM json_each(?1))').bind(ids),
				db.prepare('DELETE FROM jobs WHERE id IN (SELECT value FROM json_each(?1))').bind(ids),
			]);
			return results.length;
		},
		'finished-job-attempts': (cutoff, limit) =>
			deleteWhere(
				`DELETE FROM job_attempts WHERE (job_id, attempt) IN (
					SELECT a.job_id, a.attempt FROM job_attempts a JOIN jobs j ON j.id = a.job_id
					WHERE a.finished_at < ?1 AND j.state IN ${FINISHED} LIMIT ?2)`,
				cutoff,
				limit,
			),
		heartbeats: (cutoff, limit) =>
			deleteWhere(
				'DELETE FROM heartbeats WHERE id IN (SELECT id FROM heartbeats WHERE sent_at < ?1 LIMIT ?2)',
				cutoff,
				limit,
			),
		'webhook-events': (cutoff, limit) =>
			deleteWhere(
				'DELETE FROM webhook_events WHERE id IN (SELECT id FROM webhook_events WHERE received_at < ?1 LIMIT ?2)',
				cutoff,
				limit,
			),
		spam: (cutoff, limit) =>
			deleteWhere(
				`DELETE FROM inquiries WHERE id IN (
					SELECT id FROM inquiries WHERE status = 'spam' AND created_at < ?1 LIMIT ?2)`,
				cutoff,
				limit,
			),
		'replayed-dead-letters': (cutoff, limit) =>
			deleteWhere(
				'DELETE FROM dead_letters WHERE id IN (SELECT id FROM dead_letters WHERE replayed_at < ?1 LIMIT ?2)',
				cutoff,
				limit,
			),
	};

	return {
		/** Deletes up to `limit` of a rule's rows older than `cutoff`; returns how many went. */
		deleteOlderThan: (rule: RetentionRuleId, cutoff: number, limit: number): Promise<number> =>
			rules[rule](cutoff, limit),
	};
}

export type RetentionRepo = ReturnType<typeof createRetentionRepo>;
