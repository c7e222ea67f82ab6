import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { backoffCeilingsMs } from '~/lib/jobs/backoff';

// The deployed settings, read from wrangler.jsonc as Cloudflare will.
const config = readFileSync(new URL('../../wrangler.jsonc', import.meta.url), 'utf8');
const setting = (pattern: RegExp) => Number(pattern.exec(config)?.[1]);
const maxAttempts = setting(/"JOB_MAX_ATTEMPTS": "(\d+)"/);
const policy = {
	baseMs: setting(/"RETRY_BASE_SECONDS": "(\d+)"/) * 1000,
	maxMs: setting(/"RETRY_MAX_SECONDS": "(\d+)"/) * 1000,
};
const queueMaxRetries = setting(/"max_retries": (\d+)/);

describe('the production retry budget', () => {
	it('waits out a CRM outage of an hour with room to spare', () => {
		// Full jitter waits half of each ceiling on average: over two hours. A quarter of the ceilings,
		// far below what 23 random waits add up to in practice, still passes an hour.
		const ceilings = backoffCeilingsMs(maxAttempts - 1, policy);
		const total = ceilings.reduce((sum, ms) => sum + ms, 0);
		expect(total / 2).toBeGreaterThan(2 * 60 * 60_000);
		expect(total / 4).toBeGreaterThan(60 * 60_000);
	});

	it('lets a job use all its attempts before the queue would dead-letter its message', () => {
		expect(queueMaxRetries).toBeGreaterThanOrEqual(maxAttempts);
	});
});
