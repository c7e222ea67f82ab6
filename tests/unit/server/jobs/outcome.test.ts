import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '~/lib/config/app-config';
import type { JobRecord } from '~/server/db/jobs-repo';
import { recordFailure } from '~/server/jobs/outcome';
import { VALID_VARS } from '../../fakes/config';

const job = {
	id: 'job_1',
	kind: 'price.watch',
	subjectId: 'llm-openai/run',
	attempt: 1,
	maxAttempts: 5,
} as JobRecord;
const deps = () => {
	const settled: { nextRetryAt?: number }[] = [];
	return {
		settled,
		deps: {
			jobs: {
				settle: async (..._args: unknown[]) =>
					void settled.push((_args[4] ?? {}) as { nextRetryAt?: number }),
			},
			deadLetterQueue: { send: async () => undefined },
			deadLetters: { insert: async () => undefined },
			config: {
				...parseAppConfig(VALID_VARS),
				jobs: { ...parseAppConfig(VALID_VARS).jobs, retryBaseMs: 1_000, retryMaxMs: 60_000 },
			},
			now: () => 0,
			random: () => 0.5,
			log: () => undefined,
		},
	};
};

describe('recordFailure', () => {
	it('retries after the backoff when the service asked nothing', async () => {
		const { deps: d, settled } = deps();
		const verdict = await recordFailure(
			job,
			{ retryable: true, error: '503', code: 'upstream_unavailable' },
			d,
		);
		expect(verdict).toEqual({ action: 'retry', delaySeconds: 1, reason: '503' });
		expect(settled[0]?.nextRetryAt).toBe(500);
	});

	it('never retries sooner than the service asked', async () => {
		const { deps: d, settled } = deps();
		const verdict = await recordFailure(
			job,
			{ retryable: true, error: '429', code: 'rate_limited', waitAtLeastMs: 3_600_000 },
			d,
		);
		expect(verdict).toEqual({ action: 'retry', delaySeconds: 3600, reason: '429' });
		expect(settled[0]?.nextRetryAt).toBe(3_600_000);
	});
});
