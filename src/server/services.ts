// The composition root: the one place that turns this Worker's bindings into the repositories,
// queue, clock, ids and logger that pages, endpoints, the queue consumer and the cron are given.
// Pages reach it as `Astro.locals.services` (set by the middleware); worker.ts builds it for the
// queue and cron handlers. Repositories are closures over the database, so building them for
// every request costs next to nothing.
import { getPriceCatalog } from '~/data/pricing';
import type { PriceCatalog } from '~/lib/pricing/catalog';
import { checkEstimate } from '~/lib/estimate/price';
import type { JobMessage, RecordedJobMessage } from '~/lib/queue/messages';
import { getConfig } from './bindings';
import { createAuditRepo } from './db/audit-repo';
import { createDatabaseRepo } from './db/database-repo';
import { createDeadLettersRepo } from './db/dead-letters-repo';
import { createHeartbeatsRepo } from './db/heartbeats-repo';
import { createInquiriesRepo } from './db/inquiries-repo';
import { createJobsRepo } from './db/jobs-repo';
import { createRateLimitsRepo } from './db/rate-limits-repo';
import { createReportsRepo } from './db/reports-repo';
import { createRetentionRepo } from './db/retention-repo';
import { createStatsRepo } from './db/stats-repo';
import { createWebhookEventsRepo } from './db/webhook-events-repo';
import { checkHealth } from './health/check';
import type { SubmissionDeps } from './inquiries/submit';
import { eraseFromCrm, notifyPriceDrift, notifyTeam, syncToCrm } from './integrations/deliver';
import type { ConsumerDeps } from './jobs/consumer';
import { runInquiryJob } from './jobs/run-inquiry-job';
import type { OperatorDeps } from './operator/actions';
import type { SignInDeps } from './operator/sign-in';
import { runReportJob } from './reports/run-report-job';
import { createPriceWatchRepo } from './db/price-watch-repo';
import { fetchUpstream } from './integrations/upstream-fetch';
import { takeHostSlot } from './prices/host-slots';
import { runPriceWatchJob } from './prices/run-price-watch-job';
import { tracedFetch, writeLog } from './observability/trace-scope';

/** One structured log line, written as JSON for Workers Logs. */
export type Log = (line: Record<string, unknown>) => void;

/** Unguessable ids with a readable prefix, e.g. inq_3f2a… */
export const newId = (prefix: string): string => `${prefix}_${crypto.randomUUID().replace(/-/g, '')}`;

/** The bindings the site uses, as wrangler.jsonc declares them. */
export type Bindings = Pick<Env, 'DB' | 'JOBS' | 'DEAD_LETTER_QUEUE' | 'CACHE'>;

/**
 * Everything this Worker's code is given, for one request or one batch. Log lines get the request,
 * trace and job ids of the work they are written in (server/observability/trace-scope.ts).
 */
export function createServices(bindings: Bindings) {
	const db = bindings.DB;
	const log: Log = writeLog;
	return {
		config: getConfig(),
		db,
		repos: {
			audit: createAuditRepo(db),
			database: createDatabaseRepo(db),
			deadLetters: createDeadLettersRepo(db),
			heartbeats: createHeartbeatsRepo(db),
			inquiries: createInquiriesRepo(db),
			jobs: createJobsRepo(db),
			prices: createPriceWatchRepo(db),
			rateLimits: createRateLimitsRepo(db),
			reports: createReportsRepo(db),
			retention: createRetentionRepo(db),
			stats: createStatsRepo(db),
			webhookEvents: createWebhookEventsRepo(db),
		},
		/** Every message kind travels on the one jobs queue (src/lib/queue/messages.ts). */
		queue: bindings.JOBS as Queue<JobMessage>,
		deadLetterQueue: bindings.DEAD_LETTER_QUEUE,
		cache: bindings.CACHE,
		newId,
		log,
		/** Every call to a service outside the Worker goes through this: it adds the trace headers. */
		fetch: tracedFetch,
		catalog: getPriceCatalog,
	};
}

export type Services = ReturnType<typeof createServices>;

// What each feature needs, cut from the services. Features declare narrow dependency types, so
// their unit tests pass fakes; these builders are the only place the real parts are chosen.

export function submissionDeps(services: Services): SubmissionDeps {
	return {
		config: services.config,
		db: services.db,
		inquiries: services.repos.inquiries,
		queue: services.queue as Queue<RecordedJobMessage>,
		limits: services.repos.rateLimits,
		newId,
		now: Date.now(),
		log: services.log,
		fetcher: services.fetch,
		checkEstimate: async (text) => checkEstimate(text, await services.catalog()),
	};
}

/** Operator actions, audited as `actor` (who signed in). */
export function operatorDeps(services: Services, actor: string): OperatorDeps {
	const { repos } = services;
	return {
		db: services.db,
		jobs: repos.jobs,
		inquiries: repos.inquiries,
		deadLetters: repos.deadLetters,
		audit: repos.audit,
		prices: repos.prices,
		catalog: services.catalog,
		cache: services.cache,
		queue: services.queue as Queue<RecordedJobMessage>,
		newId,
		maxAttempts: services.config.jobs.maxAttempts,
		now: Date.now(),
		actor,
		log: (line) => services.log({ ...line, actor }),
	};
}

export function signInDeps(services: Services): SignInDeps {
	return {
		config: services.config,
		limits: services.repos.rateLimits,
		audit: services.repos.audit,
		now: Date.now(),
		log: services.log,
	};
}

/** The queue consumer's handlers, each job kind wired to the outside service it calls. */
export function consumerDeps(services: Services): ConsumerDeps {
	const { config, repos } = services;
	const outcome = {
		jobs: repos.jobs,
		deadLetterQueue: services.deadLetterQueue,
		deadLetters: repos.deadLetters,
		config,
		now: () => Date.now(),
		random: Math.random,
		log: services.log,
	};
	const inquiryJobs = {
		...outcome,
		inquiries: repos.inquiries,
		deliver: {
			'crm.sync': (inquiry) => syncToCrm(inquiry, config, Date.now(), services.fetch),
			'email.notify': (inquiry) => notifyTeam(inquiry, config, services.fetch),
			'crm.erase': (inquiry) => eraseFromCrm(inquiry.id, config, Date.now(), services.fetch),
		},
	} satisfies Parameters<typeof runInquiryJob>[2];
	const reportJobs = { ...outcome, reports: repos.reports, catalog: services.catalog };
	const priceWatchJobs = {
		...outcome,
		prices: repos.prices,
		catalog: services.catalog,
		cache: services.cache,
		newId,
		read: (request) =>
			fetchUpstream(request, {
				fetch: (input, init) =>
					services.fetch(input, withGithubToken(input, init, config.priceWatch.githubToken)),
				sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
				random: Math.random,
				now: () => Date.now(),
				attempts: 3,
				backoff: { baseMs: 1_000, maxMs: 10_000 },
				maxWaitMs: 30_000,
				userAgent: `loadbearing-price-watch/${__APP_VERSION__} (+https://loadbearing.dev)`,
			}),
		takeHostSlot: (policy) => takeHostSlot(repos.rateLimits, policy, Date.now()),
		notify: (sheet, drift) => notifyPriceDrift(sheet, drift, config, services.fetch),
	} satisfies Parameters<typeof runPriceWatchJob>[1];
	return {
		heartbeats: repos.heartbeats,
		deadLetters: repos.deadLetters,
		runInquiryJob: (kind, jobId) => runInquiryJob(kind, jobId, inquiryJobs),
		runReportJob: (jobId) => runReportJob(jobId, reportJobs),
		runPriceWatchJob: (jobId) => runPriceWatchJob(jobId, priceWatchJobs),
		now: () => Date.now(),
		log: services.log,
	};
}

/** GitHub's API gets the token when there is one (a higher rate limit); no other host ever sees it. */
function withGithubToken(input: RequestInfo | URL, init: RequestInit | undefined, token: string | undefined) {
	const url = new URL(input instanceof Request ? input.url : input);
	if (!token || url.host !== 'api.github.com') return init;
	return {
		...init,
		headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${token}` },
	};
}

/** What the cron triggers run against (src/server/jobs/scheduled.ts). */
export function scheduledDeps(services: Services) {
	const { config, repos } = services;
	return {
		heartbeats: repos.heartbeats,
		jobs: repos.jobs,
		inquiries: repos.inquiries,
		rateLimits: repos.rateLimits,
		retention: repos.retention,
		retentionDays: config.retentionDays,
		redactAfterMs: config.redactAfterMs,
		priceWatch: {
			catalog: services.catalog,
			jobs: repos.jobs,
			queue: services.queue as Queue<RecordedJobMessage>,
			newId,
			maxAttempts: config.jobs.maxAttempts,
		},
		queue: services.queue,
		deadLetterQueue: services.deadLetterQueue,
		deadLetters: repos.deadLetters,
		now: Date.now(),
		newId: () => crypto.randomUUID(),
		log: services.log,
	};
}

const BYTES_PER_GB = 1_000_000_000;

/** Most a D1 database may hold, from its sheet (content/pricing/database-cloudflare-d1.yaml), where it is sourced. */
export function databaseLimitBytes(catalog: PriceCatalog): number {
	const d1 = catalog.database.find((sheet) => sheet.pricing === 'd1');
	if (!d1 || d1.pricing !== 'd1') throw new Error('content/pricing has no D1 limits sheet (pricing: d1)');
	return d1.rates.maxDatabaseGb * BYTES_PER_GB;
}

/** Health of this deployment, checked against its real bindings at time `now`. */
export async function checkSiteHealth(services: Services, now: number) {
	return checkHealth({
		heartbeats: services.repos.heartbeats,
		database: services.repos.database,
		databaseLimitBytes: databaseLimitBytes(await services.catalog()),
		kv: services.cache,
		now: () => now,
		queueStaleAfterMs: services.config.queueStaleAfterMs,
		version: __APP_VERSION__,
	});
}
