import { describe, expect, inject, it } from 'vitest';
import type { MockState } from '../mocks/mock-services';
import { randomHex } from '../support/random-hex';
import { signedFormToken } from '../support/form-token';
import { TEST_SECRETS } from './global-setup';
import { eventually, fetchJson, queryD1, url } from './http';
import { operatorAction, operatorAuth } from './operator';

const mockState = async () => (await (await fetch(`${inject('mockUrl')}/__state`)).json()) as MockState;

async function sendInquiry(name: string, email: string): Promise<string> {
	const { response, body } = await fetchJson<{ id: string }>('/api/inquiries', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			name,
			email,
			company: 'Erasable Ltd',
			projectType: 'integrations',
			budget: '10k-50k',
			timeline: '1-3-months',
			message: 'Please forget me later.',
			consent: true,
			formToken: await signedFormToken(TEST_SECRETS.formToken),
		}),
	});
	expect(response.status).toBe(202);
	return body.id;
}

const jobStates = (id: string) =>
	queryD1<{ kind: string; state: string; error_code: string | null }>(
		`SELECT kind, state, error_code FROM jobs WHERE subject_id = '${id}' ORDER BY kind`,
	);

describe('erasing a person on request', () => {
	it("erases every inquiry from the person's address, tells the CRM to delete each lead, and audits it", async () => {
		const tag = randomHex().slice(0, 10);
		// The same person, writing their address two ways; and someone else.
		const first = await sendInquiry('Erin Erase', `Erin.${tag}@Example.com`);
		const second = await sendInquiry('Erin E.', `erin.${tag}@example.com`);
		const other = await sendInquiry('Kept Person', `kept.${tag}@example.com`);
		await eventually(async () => {
			const leads = (await mockState()).leads;
			return first in leads && second in leads && other in leads ? true : undefined;
		}, 20_000);

		const page = await (await fetch(url(`/admin/inquiries/${first}`), { headers: operatorAuth })).text();
		expect(page).toContain('Erase 2 inquiries');

		// Without the ticked box nothing happens.
		const unconfirmed = await operatorAction({ action: 'erase-person', target: first });
		expect(unconfirmed.status).toBe(400);
		expect(await unconfirmed.text()).toContain('Tick the box to confirm the person asked for this');
		expect(queryD1(`SELECT erased_at FROM inquiries WHERE id = '${first}'`)).toEqual([{ erased_at: null }]);

		const erased = await operatorAction({
			action: 'erase-person',
			target: first,
			confirm: 'yes',
			back: `/admin/inquiries/${first}`,
		});
		expect(erased.status).toBe(303);
		const notice = new URL(erased.headers.get('location') ?? '', url('/')).searchParams.get('notice');
		expect(notice).toBe(
			'Erased the personal details of 2 inquiries from this person. The CRM is told to delete 2 leads.',
		);

		const rows = queryD1<Record<string, unknown>>(
			`SELECT id, name, email, company, message, ip_hash, erased_at IS NOT NULL AS erased, project_type
			 FROM inquiries WHERE id IN ('${first}', '${second}', '${other}') ORDER BY created_at`,
		);
		for (const row of rows.filter((row) => row['id'] !== other))
			expect(row).toMatchObject({
				name: null,
				email: null,
				company: null,
				message: null,
				ip_hash: null,
				erased: 1,
			});
		expect(rows.find((row) => row['id'] === other)).toMatchObject({ name: 'Kept Person', erased: 0 });
		expect(rows.every((row) => row['project_type'] === 'integrations')).toBe(true);

		// The CRM deletes both leads through the signed erase jobs; the other lead stays.
		await eventually(async () => {
			const state = await mockState();
			return !(first in state.leads) && !(second in state.leads) ? true : undefined;
		}, 20_000);
		const state = await mockState();
		expect(state.erasures).toEqual(expect.arrayContaining([first, second]));
		expect(state.erasures).not.toContain(other);
		expect(other in state.leads).toBe(true);
		await eventually(
			async () =>
				jobStates(first).find((job) => job.kind === 'crm.erase')?.state === 'succeeded' ? true : undefined,
			20_000,
		);

		// Who did it is on record, and the audit log does not keep the address it erased.
		const audit = queryD1<{ actor: string; action: string; target: string; detail: string }>(
			`SELECT actor, action, target, detail FROM audit_log WHERE action = 'inquiry.erase' AND target IN ('${first}', '${second}') ORDER BY target`,
		);
		expect(audit.map((entry) => [entry.actor, entry.target]).sort()).toEqual(
			[
				['token:ops', first],
				['token:ops', second],
			].sort(),
		);
		expect(audit.some((entry) => entry.detail.toLowerCase().includes(tag))).toBe(false);

		// The person's receipt says what happened; the console has nothing left to erase.
		const receipt = await (await fetch(url(`/inquiries/${second}`))).text();
		expect(receipt).toContain('As you asked, we erased your name, email, company and message');
		expect(receipt).not.toContain('Erin');
		const after = await (await fetch(url(`/admin/inquiries/${first}`), { headers: operatorAuth })).text();
		expect(after).toContain('(erased at the person');
		expect(after).not.toContain('Erase 2 inquiries');
		const again = await operatorAction({ action: 'erase-person', target: first, confirm: 'yes' });
		expect(again.status).toBe(409);
	});

	it('cancels deliveries not yet made, so an erased inquiry is never sent', async () => {
		const id = `inq_${randomHex()}`;
		const now = Date.now();
		// An inquiry whose jobs wait in the queue (as after an enqueue failure), not yet picked up.
		queryD1(
			`INSERT INTO inquiries (id, created_at, name, email, project_type, budget, timeline, message)
			 VALUES ('${id}', ${now}, 'Waiting Wendy', 'wendy.${randomHex().slice(0, 8)}@example.com', 'integrations', '10k-50k', '1-3-months', 'Not sent yet.')`,
		);
		queryD1(
			`INSERT INTO jobs (id, kind, subject_id, state, attempt, max_attempts, created_at, updated_at) VALUES
			 ('job_${randomHex()}', 'crm.sync', '${id}', 'queued', 0, 5, ${now}, ${now}),
			 ('job_${randomHex()}', 'email.notify', '${id}', 'queued', 0, 5, ${now}, ${now})`,
		);
		const erased = await operatorAction({ action: 'erase-person', target: id, confirm: 'yes' });
		expect(erased.status).toBe(303);
		expect(jobStates(id).filter((job) => job.kind !== 'crm.erase')).toEqual([
			{ kind: 'crm.sync', state: 'failed', error_code: 'erased' },
			{ kind: 'email.notify', state: 'failed', error_code: 'erased' },
		]);
		// The CRM is still asked to delete (it answers 404: it never had the lead), and nothing was sent.
		await eventually(
			async () =>
				jobStates(id).find((job) => job.kind === 'crm.erase')?.state === 'succeeded' ? true : undefined,
			20_000,
		);
		const state = await mockState();
		expect(id in state.leads).toBe(false);
		expect(state.calls.some((call) => call.idempotencyKey === id)).toBe(false);
		expect(state.erasures).toContain(id);
	});
});
