/** A heartbeat as stored: times in unix ms. */
export interface HeartbeatRecord {
	id: string;
	source: 'cron' | 'api';
	sentAt: number;
	consumedAt: number | null;
}

/** A heartbeat as the API shows it. */
export interface HeartbeatView {
	id: string;
	source: 'cron' | 'api';
	state: 'queued' | 'consumed';
	sentAt: string;
	consumedAt: string | null;
	/** How long the message took through the queue, or has waited so far. */
	latencyMs: number;
}

/**
 * Turns a stored heartbeat into its API view at time `now`.
 * @example toHeartbeatView({ id: 'h', source: 'api', sentAt: 0, consumedAt: 900 }, 5000).latencyMs // => 900
 */
export function toHeartbeatView(heartbeat: HeartbeatRecord, now: number): HeartbeatView {
	return {
		id: heartbeat.id,
		source: heartbeat.source,
		state: heartbeat.consumedAt === null ? 'queued' : 'consumed',
		sentAt: new Date(heartbeat.sentAt).toISOString(),
		consumedAt: heartbeat.consumedAt === null ? null : new Date(heartbeat.consumedAt).toISOString(),
		latencyMs: (heartbeat.consumedAt ?? now) - heartbeat.sentAt,
	};
}
