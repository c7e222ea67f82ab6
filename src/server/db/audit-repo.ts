import type { SqlCondition } from './rate-limits-repo';

/** One operator action. */
export interface AuditEntry {
	at: number;
	actor: string;
	action: string;
	target: string | null;
	detail: string | null;
}

/** The append-only record of what operators did. */
export function createAuditRepo(db: D1Database) {
	return {
		/** The statement that records an action, to run in the same batch as the action itself. */
		entry(entry: AuditEntry): D1PreparedStatement {
			return db
				.prepare('INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)')
				.bind(entry.at, entry.actor, entry.action, entry.target, entry.detail);
		},

		/** The statement that records an action only if `happened` holds, checked in the same transaction. */
		entryWhen(entry: AuditEntry, happened: SqlCondition): D1PreparedStatement {
			return db
				.prepare(
					`INSERT INTO audit_log (at, actor, action, target, detail) SELECT ?, ?, ?, ?, ? WHERE ${happened.sql}`,
				)
				.bind(entry.at, entry.actor, entry.action, entry.target, entry.detail, ...happened.params);
		},

		async latest(limit = 100): Promise<AuditEntry[]> {
			const { results } = await db
				.prepare('SELECT at, actor, action, target, detail FROM audit_log ORDER BY id DESC LIMIT ?')
				.bind(limit)
				.all<AuditEntry>();
			return results;
		},
	};
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
