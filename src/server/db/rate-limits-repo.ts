/** One counter a request must stay within: its key, its window, and the most it may count. */
export interface CounterGuard {
	key: string;
	windowStart: number;
	max: number;
}

/** A SQL condition with its parameters, to put in another statement's WHERE. */
export interface SqlCondition {
	sql: string;
	params: (string | number)[];
}

/**
 * True while every counter is within its max: the condition that lets a later statement in the
 * same batch (one transaction) act only for a request the earlier counters allowed.
 */
export function withinLimits(guards: readonly CounterGuard[]): SqlCondition {
	if (guards.length === 0) return { sql: '1', params: [] };
	return {
		sql: guards
			.map(() => '(SELECT count FROM rate_limits WHERE key = ? AND window_start = ?) <= ?')
			.join(' AND '),
		params: guards.flatMap((guard) => [guard.key, guard.windowStart, guard.max]),
	};
}

/** Rate-limit counters in D1 (migrations/0005_rate_limits.sql). */
export function createRateLimitsRepo(db: D1Database) {
	/**
	 * Counts one request for `key` in the window starting at `windowStart`, only while the
	 * counters in `after` are within their max (so a request an earlier limit refused does not
	 * use up a later one), and returns the count including it; no row when it was not counted.
	 * One statement, so parallel requests each get a distinct count.
	 */
	const incrementStatement = (
		key: string,
		windowStart: number,
		resetAt: number,
		after: readonly CounterGuard[] = [],
	): D1PreparedStatement => {
		const allowed = withinLimits(after);
		return db
			.prepare(
				`INSERT INTO rate_limits (key, window_start, reset_at, count) SELECT ?, ?, ?, 1 WHERE ${allowed.sql}
				 ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1
				 RETURNING count`,
			)
			.bind(key, windowStart, resetAt, ...allowed.params);
	};

	return {
		incrementStatement,

		async increment(key: string, windowStart: number, resetAt: number): Promise<number> {
			const row = await incrementStatement(key, windowStart, resetAt).first<{ count: number }>();
			return row?.count ?? 1;
		},

		/** The count so far in a window, without adding to it. */
		async current(key: string, windowStart: number): Promise<number> {
			const row = await db
				.prepare('SELECT count FROM rate_limits WHERE key = ?1 AND window_start = ?2')
				.bind(key, windowStart)
				.first<{ count: number }>();
			return row?.count ?? 0;
		},

		/** Deletes up to `limit` counters whose window ended before `now`; returns how many. */
		async deleteEnded(now: number, limit: number): Promise<number> {
			const result = await db
				.prepare(
					`DELETE FROM rate_limits WHERE (key, window_start) IN
					 (SELECT key, window_start FROM rate_limits WHERE reset_at < ?1 LIMIT ?2)`,
				)
				.bind(now, limit)
				.run();
			return result.meta.changes ?? 0;
		},
	};
}

export type RateLimitsRepo = ReturnType<typeof createRateLimitsRepo>;
