import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '~/lib/config/app-config';
import type { HostPolicy } from '~/lib/price-watch/host-policy';
import type { JobRecord } from '~/server/db/jobs-repo';
import { runPriceWatchJob, type PriceWatchDeps } from '~/server/prices/run-price-watch-job';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';
import { VALID_VARS } from '../../fakes/config';

const config = parseAppConfig({ ...VALID_VARS, PRICE_WATCH_HOST_LIMITS: 'api.github.com=2/3600' });
const catalog = loadPriceCatalog();
const notCalled = (what: string) => async () => {
	throw new Error(`${what} should not have been called`);
};

/** A queued check of the Cloudflare KV sheet (two pricing pages on GitHub), with hosts that may be used up. */
function setup(usedUp: ReadonlySet<string>) {
	const job = {
		id: 'job_p',
		kind: 'price.watch',
		subjectId: 'cloudflare-kv/run-1',
		state: 'queued',
	} as JobRecord;
	const asked: HostPolicy[] = [];
	const deps = {
		config,
		now: () => Date.parse('2026-12-01T06:41:00Z'),
		log: () => undefined,
		catalog: async () => catalog,
		jobs: { find: async () => job, claim: notCalled('claim'), settle: notCalled('settle') },
		read: notCalled('read'),
		takeHostSlot: async (policy: HostPolicy) => {
			asked.push(policy);
			return usedUp.has(policy.host) ? { allowed: false, retryAfterMs: 1_234_567 } : { allowed: true };
		},
	} as unknown as PriceWatchDeps;
	return { deps, job, asked };
}

describe('runPriceWatchJob', () => {
	it('waits for a used-up host limit with the job still queued: no attempt, no request, no failed check', async () => {
		const { deps, job, asked } = setup(new Set(['api.github.com']));
		expect(await runPriceWatchJob(job.id, deps)).toEqual({
			action: 'retry',
			delaySeconds: 1235,
			reason: 'api.github.com: the price watch keeps to 2 requests per 3600 s, used up for now',
		});
		expect(job.state).toBe('queued');
		expect(asked.map((policy) => policy.host)).toEqual(['api.github.com']);
	});
});
