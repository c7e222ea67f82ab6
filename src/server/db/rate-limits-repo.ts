/** Rate-limit counters in D1 (migrations/0005_rate_limits.sql). */
export function createRateLimitsRepo(db: D1Database) {
	return {
		/**
		 * Counts one request for `key` in the window starting at `windowStart` and returns the
		 * count including it. One statement, so parallel requests each get a distinct count.
		 */
		async increment(key: string, windowStart: number, resetAt: number): Promise<number> {
			const row = await db
				.prepare(
					`INSERT INTO rate_limits (key, window_start, reset_at, count) VALUES (?1, ?2, ?3, 1)
					 ON CONFLICT (key, window_start) DO UPDATE SET count = count + 1
					 RETURNING count`,
				)
				.bind(key, windowStart, resetAt)
				.first<{ count: number }>();
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
