import type { HeartbeatMessage } from '~/lib/queue/messages';
import type { Heartbeat, HeartbeatsRepo } from '../db/heartbeats-repo';

export interface SendHeartbeatDeps {
	heartbeats: HeartbeatsRepo;
	/** Only sending is needed; the real binding is a Queue<HeartbeatMessage>. */
	queue: { send(message: HeartbeatMessage): Promise<unknown> };
	now: number;
	newId: () => string;
}

/**
 * Sends a heartbeat through the jobs queue: written to D1 first, then enqueued, so a message
 * the queue loses still shows up as "sent, never consumed".
 */
export async function sendHeartbeat(
	deps: SendHeartbeatDeps,
	source: Heartbeat['source'],
): Promise<Heartbeat> {
	const heartbeat = { id: deps.newId(), source, sentAt: deps.now };
	await deps.heartbeats.insert(heartbeat);
	await deps.queue.send({ kind: 'heartbeat', heartbeatId: heartbeat.id, sentAt: heartbeat.sentAt });
	return { ...heartbeat, consumedAt: null };
}

/**
 * Sends a heartbeat unless one went out within `minIntervalMs`, in which case that one is
 * returned: the public endpoint then cannot be used to flood the queue.
 */
export async function sendThrottledHeartbeat(
	deps: SendHeartbeatDeps,
	minIntervalMs: number,
): Promise<{ heartbeat: Heartbeat; reused: boolean }> {
	const recent = await deps.heartbeats.findSentSince(deps.now - minIntervalMs);
	if (recent) return { heartbeat: recent, reused: true };
	return { heartbeat: await sendHeartbeat(deps, 'api'), reused: false };
}
