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
