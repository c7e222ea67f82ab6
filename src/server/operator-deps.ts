import type { RecordedJobMessage } from '~/lib/queue/messages';
import { env, getConfig } from './bindings';
import { createAuditRepo } from './db/audit-repo';
import { createDeadLettersRepo } from './db/dead-letters-repo';
import { createInquiriesRepo } from './db/inquiries-repo';
import { createJobsRepo } from './db/jobs-repo';
import { newId } from './inquiry-deps';
import type { OperatorDeps } from './operator-actions';

/** Everything operator actions need, from this Worker's bindings, acting as `actor`. */
export function createOperatorDeps(actor: string): OperatorDeps {
	return {
		db: env.DB,
		jobs: createJobsRepo(env.DB),
		inquiries: createInquiriesRepo(env.DB),
		deadLetters: createDeadLettersRepo(env.DB),
		audit: createAuditRepo(env.DB),
		queue: env.JOBS as Queue<RecordedJobMessage>,
		newId,
		maxAttempts: getConfig().jobs.maxAttempts,
		now: Date.now(),
		actor,
		log: (line) => console.log(JSON.stringify({ ...line, actor })),
	};
}
