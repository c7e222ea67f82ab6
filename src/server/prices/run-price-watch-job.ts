import { allSheets, type PriceCatalog } from '~/lib/pricing/catalog';
import {
	compareSheet,
	streamedDigest,
	throughProxy,
	watchedUrls,
	type WatchedSheet,
} from '~/lib/price-watch/check';
import { GITHUB_API } from '~/lib/price-watch/docs-commits';
import { describeHostLimit, hostPolicy, type HostPolicy } from '~/lib/price-watch/host-policy';
import { UpstreamShapeError } from '~/lib/price-watch/model-datasets';
import { nextJobState } from '~/lib/jobs/job-state';
import type { JobsRepo } from '../db/jobs-repo';
import type { DriftRecord, PriceWatchRepo, SheetCheck, UpstreamValidators } from '../db/price-watch-repo';
import type { DeliveryResult } from '../integrations/deliver';
import type { UpstreamAnswer, UpstreamRequest } from '../integrations/upstream-fetch';
import { recordFailure, type JobVerdict, type OutcomeDeps } from '../jobs/outcome';
import { publishReviewNotice } from './review-notices';

/** The most an upstream answer may hold; the largest we read whole (an AWS offer file) is under 1 MB. */
export const MAX_UPSTREAM_BYTES = 20_000_000;
/** The most a file read as it streams may hold (the AmazonRDS offer file is tens of megabytes). */
export const MAX_STREAMED_BYTES = 200_000_000;
/** Answers kept to stand in for a later 304, for this long. */
const BODY_CACHE_SECONDS = 45 * 86_400;

export interface PriceWatchDeps extends OutcomeDeps {
	jobs: Pick<JobsRepo, 'find' | 'claim' | 'settle'>;
	prices: Pick<
		PriceWatchRepo,
		'recordCheck' | 'recordFailedCheck' | 'markNotified' | 'validators' | 'openPriceDriftSince'
	>;
	catalog: () => Promise<PriceCatalog>;
	/** The last body of each upstream, so a 304 can still be compared with a changed sheet. */
	cache: Pick<KVNamespace, 'get' | 'put' | 'delete'>;
	read: (request: UpstreamRequest) => Promise<UpstreamAnswer>;
	/** Counts one request against the host's limit (host-policy.ts); refused, when to try again. */
	takeHostSlot: (policy: HostPolicy) => Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }>;
	notify: (sheet: WatchedSheet, drift: readonly DriftRecord[]) => Promise<DeliveryResult>;
	newId: (prefix: string) => string;
}

/** The sheet a `price.watch` job checks: its subject is "<sheet id>/<run>". */
export const sheetOfSubject = (subjectId: string): string => subjectId.split('/')[0] ?? subjectId;

// Per sheet as well as per URL: two sheets read the AmazonRDS file, each keeping its own digest
// of it, and each sheet's validators (which a 304 answers) are its own.
const bodyKey = (sheetId: string, url: string) => `price-watch:body:${sheetId}:${url}`;

async function sha256(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Takes a request from each host the job will ask, before the job is claimed: past a host's limit
 * (host-policy.ts) the job stays queued and its message comes back when the window ends, so
 * waiting costs none of its attempts and records no failed check. Null when it may run now.
 */
async function waitForHostLimits(jobId: string, deps: PriceWatchDeps): Promise<JobVerdict | null> {
	const job = await deps.jobs.find(jobId);
	if (!job || (job.state !== 'queued' && job.state !== 'retrying')) return null;
	const sheetId = sheetOfSubject(job.subjectId);
	const sheet = allSheets(await deps.catalog()).find((candidate) => candidate.id === sheetId);
	for (const url of sheet ? watchedUrls(sheet, GITHUB_API) : []) {
		const policy = hostPolicy(url, deps.config.jobs.outboundTimeoutMs, deps.config.priceWatch.hostLimits);
		const slot = await deps.takeHostSlot(policy);
		if (slot.allowed) continue;
		const reason = describeHostLimit(policy);
		deps.log({ level: 'info', msg: 'price watch waits for its host limit', sheetId, jobId, reason });
		return { action: 'retry', delaySeconds: Math.max(1, Math.ceil(slot.retryAfterMs / 1000)), reason };
	}
	return null;
}

/**
 * Runs one check of one price sheet: reads its upstream (conditionally, with the fetch
 * discipline of upstream-fetch.ts), compares it with the sheet, records the differences, and
 * tells the team of new ones once. A failed read is recorded (the sheet shows `failing`) and
 * the job retried like any other; it never edits a sheet.
 */
export async function runPriceWatchJob(jobId: string, deps: PriceWatchDeps): Promise<JobVerdict> {
	const waiting = await waitForHostLimits(jobId, deps);
	if (waiting) return waiting;
	const started = deps.now();
	const job = await deps.jobs.claim(
		jobId,
		started,
		started + deps.config.jobs.leaseMs,
		'Reading the upstream',
	);
	if (!job) return { action: 'ack' };
	const sheetId = sheetOfSubject(job.subjectId);
	const catalog = await deps.catalog();
	const sheet = allSheets(catalog).find((candidate) => candidate.id === sheetId);
	if (!sheet)
		return recordFailure(
			job,
			{ retryable: false, error: `No price sheet ${sheetId}`, code: 'not_found' },
			deps,
		);

	const { upstreamProxy } = deps.config.priceWatch;
	const urls = watchedUrls(sheet, GITHUB_API);
	const known = await deps.prices.validators(sheet.id);
	const validators: Record<string, UpstreamValidators> = {};
	const bodies = new Map<string, string>();
	// New answers to keep for a later 304, once they have been read without fault.
	const toKeep: string[] = [];
	let requests = 0;
	let bytes = 0;
	let failure: { reason: string; retryAfterMs: number | null } | null = null;
	for (const url of urls) {
		const previous = known[url];
		const cached = previous ? await deps.cache.get(bodyKey(sheet.id, url)) : null;
		const policy = hostPolicy(url, deps.config.jobs.outboundTimeoutMs, deps.config.priceWatch.hostLimits);
		// A file too large to hold is kept, and compared, as the digest of it made while it streamed.
		const digest = streamedDigest(sheet, url);
		const answer = await deps.read({
			url: throughProxy(url, upstreamProxy),
			host: policy.host,
			etag: cached === null ? null : (previous?.etag ?? null),
			lastModified: cached === null ? null : (previous?.lastModified ?? null),
			maxBytes: digest ? MAX_STREAMED_BYTES : MAX_UPSTREAM_BYTES,
			timeoutMs: policy.timeoutMs,
			...(digest && { digest }),
		});
		requests += answer.requests;
		bytes += answer.bytes;
		// Retries within the read were requests too: they count against the host's limit, so the
		// jobs after this one wait for them.
		for (let retry = 1; retry < answer.requests; retry++) await deps.takeHostSlot(policy);
		if (answer.kind === 'failed') {
			failure = answer;
			break;
		}
		if (answer.kind === 'not-modified' && previous && cached !== null) {
			validators[url] = previous;
			bodies.set(url, cached);
			continue;
		}
		if (answer.kind !== 'body') {
			failure = {
				reason: `${new URL(url).host} answered 304 to a request we did not make conditional`,
				retryAfterMs: null,
			};
			break;
		}
		const hash = await sha256(answer.text);
		validators[url] = {
			etag: answer.etag,
			lastModified: answer.lastModified,
			hash,
			seenAt: previous?.hash === hash ? previous.seenAt : started,
		};
		bodies.set(url, answer.text);
		if (answer.etag || answer.lastModified) toKeep.push(url);
	}

	const check: SheetCheck = {
		sheetId: sheet.id,
		checkedAt: deps.now(),
		upstreamUrl: urls[0] ?? sheet.source,
		upstreamAsOf: null,
		validators,
		watched: 0,
		listed: 0,
		error: null,
		requests,
		bytes,
		durationMs: deps.now() - started,
		jobId: job.id,
	};
	let comparison: ReturnType<typeof compareSheet> | null = null;
	if (!failure) {
		try {
			comparison = compareSheet(sheet, bodies, GITHUB_API, catalog.today);
		} catch (error) {
			if (!(error instanceof UpstreamShapeError)) throw error;
			failure = { reason: error.message, retryAfterMs: null };
		}
	}
	if (failure || !comparison) {
		const reason = failure?.reason ?? 'no comparison';
		// Validators of an answer that could not be read are not kept: a body cut short under a
		// good ETag would otherwise be answered 304 and stay unreadable.
		await deps.prices.recordFailedCheck({ ...check, validators: known, error: reason });
		deps.log({ level: 'warn', msg: 'price watch could not read its upstream', sheetId, reason });
		return recordFailure(
			job,
			{
				retryable: true,
				error: reason,
				code: 'upstream_unavailable',
				waitAtLeastMs: failure?.retryAfterMs ?? null,
			},
			deps,
		);
	}

	for (const url of toKeep)
		await deps.cache.put(bodyKey(sheet.id, url), bodies.get(url)!, { expirationTtl: BODY_CACHE_SECONDS });
	// When the data last changed: the date it carries, else the Last-Modified, else since we first saw it.
	const seen = Object.values(validators).map((entry) => Date.parse(entry.lastModified ?? '') || entry.seenAt);
	const upstreamAsOf = comparison.publishedAt?.getTime() ?? (seen.length ? Math.min(...seen) : null);
	const fresh = await deps.prices.recordCheck(
		{ ...check, upstreamAsOf, watched: comparison.watched, listed: comparison.listed },
		comparison.differences,
		() => deps.newId('pdr'),
	);
	await publishReviewNotice(sheet, deps);
	if (fresh.length > 0) {
		const sent = await deps.notify(sheet, fresh);
		if (sent.outcome === 'success')
			await deps.prices.markNotified(
				fresh.map((drift) => drift.id),
				deps.now(),
			);
		// Not sent: the next check finds them still unnotified and tries again.
		else deps.log({ level: 'warn', msg: 'price drift notification not sent', sheetId, error: sent.error });
	}
	await deps.jobs.settle(job.id, job.attempt, nextJobState('running', 'succeed'), deps.now(), {
		result: { differences: comparison.differences.length, notified: fresh.length, requests, bytes },
	});
	deps.log({
		level: 'info',
		msg: 'price sheet checked',
		sheetId,
		differences: comparison.differences.length,
		listed: comparison.listed,
		watched: comparison.watched,
		requests,
		bytes,
	});
	return { action: 'ack' };
}
