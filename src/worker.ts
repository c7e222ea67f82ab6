// The Worker's entry: Astro serves HTTP, and the queue and cron handlers live in src/server.
import { handle } from '@astrojs/cloudflare/handler';
import { createDeadLettersRepo } from './server/db/dead-letters-repo';
import { createHeartbeatsRepo } from './server/db/heartbeats-repo';
import { consumeQueueBatch } from './server/queue/consumer';
import { withRequestContext } from './server/request-context';
import { runScheduled } from './server/scheduled';

const logJson = (line: Record<string, unknown>) => console.log(JSON.stringify(line));

export default {
	fetch: (request, env, ctx) =>
		withRequestContext(request, (req) => handle(req, env, ctx), {
			now: () => performance.now(),
			newId: () => crypto.randomUUID(),
			log: logJson,
			errorPage: (req) => env.ASSETS.fetch(new URL('/500', req.url)),
		}),

	queue: (batch, env) =>
		consumeQueueBatch(batch, {
			heartbeats: createHeartbeatsRepo(env.DB),
			deadLetters: createDeadLettersRepo(env.DB),
			now: () => Date.now(),
			log: logJson,
		}),

	scheduled: (controller, env) =>
		runScheduled(controller.cron, {
			heartbeats: createHeartbeatsRepo(env.DB),
			queue: env.JOBS,
			now: Date.now(),
			newId: () => crypto.randomUUID(),
			log: logJson,
		}),
} satisfies ExportedHandler<Env, unknown>;
