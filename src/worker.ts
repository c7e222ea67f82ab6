// The Worker's entry: Astro serves HTTP, and the queue and cron handlers live in src/server.
import { handle } from '@astrojs/cloudflare/handler';
import { getConfig } from './server/bindings';
import { createDeadLettersRepo } from './server/db/dead-letters-repo';
import { createHeartbeatsRepo } from './server/db/heartbeats-repo';
import { createInquiriesRepo } from './server/db/inquiries-repo';
import { createRateLimitsRepo } from './server/db/rate-limits-repo';
import { createRetentionRepo } from './server/db/retention-repo';
import { createJobsRepo } from './server/db/jobs-repo';
import { notifyTeam, syncToCrm } from './server/integrations/deliver';
import { getPriceCatalog } from './data/pricing';
import { createReportsRepo } from './server/db/reports-repo';
import { runInquiryJob } from './server/run-job';
import { runReportJob } from './server/run-report-job';
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

	queue: (batch, env) => {
		const config = getConfig();
		const outcomeDeps = {
			jobs: createJobsRepo(env.DB),
			deadLetterQueue: env.DEAD_LETTER_QUEUE,
			deadLetters: createDeadLettersRepo(env.DB),
			config,
			now: () => Date.now(),
			random: Math.random,
			log: logJson,
		};
		const jobDeps = {
			...outcomeDeps,
			inquiries: createInquiriesRepo(env.DB),
			deliver: {
				'crm.sync': (inquiry: Parameters<typeof syncToCrm>[0]) => syncToCrm(inquiry, config, Date.now()),
				'email.notify': (inquiry: Parameters<typeof notifyTeam>[0]) => notifyTeam(inquiry, config),
			},
		};
		const reportDeps = {
			...outcomeDeps,
			reports: createReportsRepo(env.DB),
			catalog: () => getPriceCatalog(),
		};
		return consumeQueueBatch(batch, {
			heartbeats: createHeartbeatsRepo(env.DB),
			deadLetters: createDeadLettersRepo(env.DB),
			runInquiryJob: (kind, jobId) => runInquiryJob(kind, jobId, jobDeps),
			runReportJob: (jobId) => runReportJob(jobId, reportDeps),
			now: () => Date.now(),
			log: logJson,
		});
	},

	scheduled: (controller, env) =>
		runScheduled(controller.cron, {
			heartbeats: createHeartbeatsRepo(env.DB),
			jobs: createJobsRepo(env.DB),
			inquiries: createInquiriesRepo(env.DB),
			rateLimits: createRateLimitsRepo(env.DB),
			retention: createRetentionRepo(env.DB),
			retentionDays: getConfig().retentionDays,
			redactAfterMs: getConfig().redactAfterMs,
			queue: env.JOBS,
			deadLetterQueue: env.DEAD_LETTER_QUEUE,
			deadLetters: createDeadLettersRepo(env.DB),
			now: Date.now(),
			newId: () => crypto.randomUUID(),
			log: logJson,
		}),
} satisfies ExportedHandler<Env, unknown>;
