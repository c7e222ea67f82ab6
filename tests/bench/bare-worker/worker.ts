// Baseline for the inquiry benchmark (tests/bench/inquiries.ts): the least a Worker can do to
// accept an inquiry, one D1 insert and one queue send, with no Astro, middleware, checks or
// logging. The bench runs it under the same load and prints Loadbearing's figures as ratios of it.
// Its table comes from migrations/ (applied before `wrangler dev` starts, as the site's are)
// rather than CREATE TABLE IF NOT EXISTS on an isolate's first request: that way every measured
// request runs exactly one statement, and 50 first requests do not race to create the table.

interface BareEnv {
	DB: D1Database;
	QUEUE: Queue<{ id: string }>;
}

export default {
	async fetch(request, env) {
		// Anything but a POST is the bench's readiness probe.
		if (request.method !== 'POST') return Response.json({ ready: true });
		const body = await request.json<Record<string, unknown>>();
		const id = `inq_${crypto.randomUUID().replace(/-/g, '')}`;
		await env.DB.prepare('INSERT INTO inquiries (id, created_at, body) VALUES (?, ?, ?)')
			.bind(id, Date.now(), JSON.stringify(body))
			.run();
		await env.QUEUE.send({ id });
		return Response.json({ id, status: 'received' }, { status: 202 });
	},

	// The consumer only acknowledges: the baseline measures accepting, not delivering.
	queue(batch) {
		batch.ackAll();
	},
} satisfies ExportedHandler<BareEnv, { id: string }>;
