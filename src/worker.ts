// The Worker's entry: Astro serves HTTP; the queue and cron handlers get the same services
// (src/server/services.ts) that pages and endpoints get through the middleware.
import { handle } from '@astrojs/cloudflare/handler';
import { coalescingBatches } from './server/db/coalesced-batches';
import { withRequestContext } from './server/http/request-context';
import { consumeQueueBatch } from './server/jobs/consumer';
import { cronScope, runInScope, writeLog } from './server/observability/trace-scope';
import { runScheduled } from './server/jobs/scheduled';
import { withReviewNotices } from './server/prices/review-notices';
import { consumerDeps, createServices, scheduledDeps } from './server/services';

export default {
	// Pages get their "prices under review" notice filled in as they are served (review-notices.ts).
	fetch: (request, env, ctx) =>
		withRequestContext(
			request,
			async (req) => withReviewNotices(await handle(req, env, ctx), env.CACHE, writeLog),
			{
				now: () => performance.now(),
				newId: () => crypto.randomUUID(),
				log: writeLog,
				errorPage: (req) => env.ASSETS.fetch(new URL('/500', req.url)),
			},
		),

	// A batch's messages run side by side, each in its job's trace (consumer.ts); their D1 batches
	// go out together (see coalesced-batches.ts).
	queue: (batch, env) =>
		consumeQueueBatch(batch, consumerDeps(createServices({ ...env, DB: coalescingBatches(env.DB) }))),

	// Each cron run starts a trace, which the jobs it records keep.
	scheduled: (controller, env) =>
		runInScope(cronScope(), () => runScheduled(controller.cron, scheduledDeps(createServices(env)))),
} satisfies ExportedHandler<Env, unknown>;
