import { enqueueRecordedJobs } from '../jobs/enqueue';
import type { ActionResult, OperatorDeps } from '../operator/actions';

/** What an erasure needs: the operator's dependencies (src/server/operator/actions.ts). */
export type EraseDeps = Pick<
	OperatorDeps,
	'db' | 'inquiries' | 'jobs' | 'audit' | 'queue' | 'log' | 'newId' | 'maxAttempts' | 'now' | 'actor'
>;

/** Most inquiries one request erases, so its transaction stays small; the rest take another click. */
const ERASE_AT_ONCE = 50;

/**
 * Erases a person's inquiries at their request: every inquiry sent from the email address of
 * inquiry `inquiryId` loses its personal fields, its CRM and email jobs that have not started
 * are cancelled, and, where the lead may have reached the CRM, a signed `crm.erase` job tells
 * the CRM to delete it. All of it, with one audit entry per inquiry (which never repeats the
 * address), is one transaction.
 */
export async function erasePerson(inquiryId: string, deps: EraseDeps): Promise<ActionResult> {
	const inquiry = await deps.inquiries.find(inquiryId);
	if (!inquiry) return { ok: false, status: 404, message: `No inquiry ${inquiryId}.` };
	if (inquiry.email === null)
		return {
			ok: false,
			status: 409,
			message: `Inquiry ${inquiryId} holds no personal details any more; there is nothing to erase.`,
		};

	const found = await deps.inquiries.listSamePerson(inquiryId, ERASE_AT_ONCE + 1);
	const erasing = found.slice(0, ERASE_AT_ONCE);
	const statements: D1PreparedStatement[] = [];
	const crmJobs: { kind: 'crm.erase'; jobId: string }[] = [];
	const allJobs = await deps.jobs.listForSubjects(erasing.map((each) => each.id));
	for (const each of erasing) {
		const jobs = allJobs.filter((job) => job.subjectId === each.id);
		// Any sync job, whatever its state, may have reached the CRM (a timed-out call can succeed).
		const mayBeAtCrm = jobs.some((job) => job.kind === 'crm.sync');
		const eraseJob = jobs.find((job) => job.kind === 'crm.erase');
		statements.push(
			deps.inquiries.eraseStatement(each.id, deps.now),
			deps.jobs.cancelPendingStatement(each.id, ['crm.sync', 'email.notify'], deps.now),
		);
		if (mayBeAtCrm && !eraseJob) {
			const jobId = deps.newId('job');
			statements.push(
				deps.jobs.insertOnceStatement({
					id: jobId,
					kind: 'crm.erase',
					subjectId: each.id,
					maxAttempts: deps.maxAttempts,
					now: deps.now,
				}),
			);
			crmJobs.push({ kind: 'crm.erase', jobId });
		}
		statements.push(
			deps.audit.entry({
				at: deps.now,
				actor: deps.actor,
				action: 'inquiry.erase',
				target: each.id,
				detail: `personal details erased at the person's request (asked through ${inquiryId})${mayBeAtCrm ? '; the CRM is told to delete the lead' : ''}`,
			}),
		);
	}
	await deps.db.batch(statements);
	await enqueueRecordedJobs(deps.queue, crmJobs, deps.log);

	const count = `${erasing.length} ${erasing.length === 1 ? 'inquiry' : 'inquiries'}`;
	const more = found.length > ERASE_AT_ONCE ? ' More remain from the same address: erase again.' : '';
	const crm =
		crmJobs.length > 0
			? ` The CRM is told to delete ${crmJobs.length === 1 ? 'the lead' : `${crmJobs.length} leads`}.`
			: '';
	return { ok: true, message: `Erased the personal details of ${count} from this person.${crm}${more}` };
}
