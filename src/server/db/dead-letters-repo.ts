/** A message that ran out of retries, kept for the operator. */
export interface DeadLetter {
	id: string;
	queue: string;
	kind: string | null;
	body: unknown;
	attempts: number;
	receivedAt: number;
}

/** Stores dead-lettered queue messages in D1. */
export function createDeadLettersRepo(db: D1Database) {
	return {
		/** Dead letters, the ones not yet replayed first, newest first. */
		async list(limit = 200): Promise<(DeadLetter & { replayedAt: number | null })[]> {
			const { results } = await db
				.prepare('SELECT * FROM dead_letters ORDER BY replayed_at IS NOT NULL, received_at DESC LIMIT ?')
				.bind(limit)
				.all<{
					id: string;
					queue: string;
					kind: string | null;
					body: string;
					attempts: number;
					received_at: number;
					replayed_at: number | null;
				}>();
			return results.map((row) => ({
				id: row.id,
				queue: row.queue,
				kind: row.kind,
				body: JSON.parse(row.body) as unknown,
				attempts: row.attempts,
				receivedAt: row.received_at,
				replayedAt: row.replayed_at,
			}));
		},

		/** The statement that marks a job's dead letters replayed, to batch with the replay. */
		markReplayed(jobId: string, now: number): D1PreparedStatement {
			return db
				.prepare(
					`UPDATE dead_letters SET replayed_at = ? WHERE replayed_at IS NULL AND json_extract(body, '$.jobId') = ?`,
				)
				.bind(now, jobId);
		},

		/** Keeps a dead letter. Idempotent on the message id, since the DLQ may redeliver. */
		async insert(letter: DeadLetter): Promise<void> {
			await db
				.prepare(
					`INSERT INTO dead_letters (id, queue, kind, body, attempts, received_at)
					 VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
				)
				.bind(
					letter.id,
					letter.queue,
					letter.kind,
					JSON.stringify(letter.body),
					letter.attempts,
					letter.receivedAt,
				)
				.run();
		},
	};
}

export type DeadLettersRepo = ReturnType<typeof createDeadLettersRepo>;
