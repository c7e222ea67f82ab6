import { getPriceCatalog } from '~/data/pricing';
import { checkEstimate } from '~/lib/estimate/price';
import type { RecordedJobMessage } from '~/lib/queue/messages';
import { env, getConfig } from './bindings';
import { createInquiriesRepo } from './db/inquiries-repo';
import { createRateLimitsRepo } from './db/rate-limits-repo';
import type { SubmissionDeps } from './inquiry-submission';

/** Unguessable ids with a readable prefix, e.g. inq_3f2a… */
export const newId = (prefix: string): string => `${prefix}_${crypto.randomUUID().replace(/-/g, '')}`;

/** Everything submitInquiry needs, from this Worker's bindings and configuration. */
export function createSubmissionDeps(requestId: string): SubmissionDeps {
	return {
		config: getConfig(),
		inquiries: createInquiriesRepo(env.DB),
		queue: env.JOBS as Queue<RecordedJobMessage>,
		limits: createRateLimitsRepo(env.DB),
		newId,
		now: Date.now(),
		log: (line) => console.log(JSON.stringify({ ...line, requestId })),
		checkEstimate: async (text) => checkEstimate(text, await getPriceCatalog()),
	};
}
