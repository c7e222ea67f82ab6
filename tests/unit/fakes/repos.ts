import type { DeadLetter, DeadLettersRepo } from '~/server/db/dead-letters-repo';
import type { Heartbeat, HeartbeatsRepo } from '~/server/db/heartbeats-repo';

/** In-memory stand-in for the D1 heartbeats table, with a switch to make it fail. */
export function createMemoryHeartbeatsRepo() {
	const rows = new Map<string, Heartbeat>();
	const state = { failing: false };
	const guard = () => {
		if (state.failing) throw new Error('D1_ERROR: database is unavailable');
	};
	const repo: HeartbeatsRepo = {
		insert: async (heartbeat) => {
			guard();
			rows.set(heartbeat.id, { ...heartbeat, consumedAt: null });
		},
		find: async (id) => (guard(), rows.get(id) ?? null),
		findSentSince: async (since) => {
			guard();
			return (
				[...rows.values()].filter((row) => row.sentAt >= since).sort((a, b) => b.sentAt - a.sentAt)[0] ?? null
			);
		},
		markConsumed: async (id, at) => {
			guard();
			const row = rows.get(id);
			if (row && row.consumedAt === null) row.consumedAt = at;
		},
		lastConsumedAt: async () => {
			guard();
			const times = [...rows.values()].flatMap((row) => (row.consumedAt === null ? [] : [row.consumedAt]));
			return times.length ? Math.max(...times) : null;
		},
	};
	return { repo, rows, state };
}

export function createMemoryDeadLettersRepo() {
	const rows: DeadLetter[] = [];
	const repo: Pick<DeadLettersRepo, 'insert'> = {
		insert: async (letter) => {
			if (!rows.some((row) => row.id === letter.id)) rows.push(letter);
		},
	};
	return { repo, rows };
}
