/** Tables a visitor can make grow, whose row counts /api/metrics reports. */
export const COUNTED_TABLES = [
	'inquiries',
	'jobs',
	'job_attempts',
	'reports',
	'report_steps',
	'heartbeats',
	'webhook_events',
	'dead_letters',
	'rate_limits',
	'audit_log',
] as const;

export type CountedTable = (typeof COUNTED_TABLES)[number];

/** The database as a whole: its size on disk and how many rows each growing table holds. */
export function createDatabaseRepo(db: D1Database) {
	return {
		/** Bytes the database takes, as D1 reports after any query. */
		async sizeBytes(): Promise<number> {
			return (await db.prepare('SELECT 1').run()).meta.size_after;
		},

		/** Rows per table, in one query. */
		async rowCounts(): Promise<Record<CountedTable, number>> {
			const columns = COUNTED_TABLES.map((table) => `(SELECT count(*) FROM ${table}) AS ${table}`).join(', ');
			const row = await db.prepare(`SELECT ${columns}`).first<Record<CountedTable, number>>();
			return Object.fromEntries(COUNTED_TABLES.map((table) => [table, row?.[table] ?? 0])) as Record<
				CountedTable,
				number
			>;
		},
	};
}

export type DatabaseRepo = ReturnType<typeof createDatabaseRepo>;
