import type { HeartbeatRecord } from '~/lib/queue/heartbeat-view';

export type Heartbeat = HeartbeatRecord;

interface HeartbeatRow {
	id: string;
	source: 'cron' | 'api';
	sent_at: number;
	consumed_at: number | null;
}

const toHeartbeat = (row: HeartbeatRow): Heartbeat => ({
	id: row.id,
	source: row.source,
	sentAt: row.sent_at,
	consumedAt: row.consumed_at,
});

/** Reads and writes queue heartbeats in D1. */
export function createHeartbeatsRepo(db: D1Database) {
	return {
		/** Records a heartbeat before it is enqueued, so a lost message shows as never consumed. */
		async insert(heartbeat: Omit<Heartbeat, 'consumedAt'>): Promise<void> {
			await db
				.prepare('INSERT INTO heartbeats (id, source, sent_at) VALUES (?, ?, ?)')
				.bind(heartbeat.id, heartbeat.source, heartbeat.sentAt)
				.run();
		},

		async find(id: string): Promise<Heartbeat | null> {
			const row = await db.prepare('SELECT * FROM heartbeats WHERE id = ?').bind(id).first<HeartbeatRow>();
			return row ? toHeartbeat(row) : null;
		},

		/** The newest heartbeat sent at or after `since`, if any. */
		async findSentSince(since: number): Promise<Heartbeat | null> {
			const row = await db
				.prepare('SELECT * FROM heartbeats WHERE sent_at >= ? ORDER BY sent_at DESC LIMIT 1')
				.bind(since)
				.first<HeartbeatRow>();
			return row ? toHeartbeat(row) : null;
		},

		/** Marks a heartbeat consumed. Idempotent: a redelivered message keeps the first time. */
		async markConsumed(id: string, at: number): Promise<void> {
			await db
				.prepare('UPDATE heartbeats SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL')
				.bind(at, id)
				.run();
		},

		/** When the consumer last processed a heartbeat; throws if the database cannot answer. */
		async lastConsumedAt(): Promise<number | null> {
			const row = await db
				.prepare('SELECT max(consumed_at) AS last FROM heartbeats')
				.first<{ last: number | null }>();
			return row?.last ?? null;
		},
	};
}

export type HeartbeatsRepo = ReturnType<typeof createHeartbeatsRepo>;
