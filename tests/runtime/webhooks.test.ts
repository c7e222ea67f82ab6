import { signedFormToken } from '../support/form-token';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProblemBody } from '~/lib/http/problem';
import { signPayload, SIGNATURE_HEADER } from '~/lib/integrations/signature';
import { TEST_SECRETS } from './global-setup';
import { eventually, fetchJson, queryD1, url } from './http';

const sendCallback = async (event: object, options: { secret?: string; at?: number } = {}) => {
	const body = JSON.stringify(event);
	const at = options.at ?? Math.floor(Date.now() / 1000);
	return fetchJson<ProblemBody & { status: string }>('/api/webhooks/crm', {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			[SIGNATURE_HEADER]: await signPayload(options.secret ?? TEST_SECRETS.crm, at, body),
		},
		body,
	});
};

let inquiryId = '';
let crmJobId = '';

beforeAll(async () => {
	const { body } = await fetchJson<{ id: string }>('/api/inquiries', {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			name: 'Grace Hopper',
			email: 'grace@example.com',
			projectType: 'integrations',
			budget: '10k-50k',
			timeline: '1-3-months',
			message: 'Callbacks from our CRM arrive twice.',
			consent: true,
			formToken: await signedFormToken(TEST_SECRETS.formToken),
		}),
	});
	inquiryId = body.id;
	const [job] = queryD1<{ id: string }>(
		`SELECT id FROM jobs WHERE subject_id = '${inquiryId}' AND kind = 'crm.sync'`,
	);
	crmJobId = job?.id ?? '';
});

describe('POST /api/webhooks/crm', () => {
	it("applies the mock CRM's own signed lead.created callback to the inquiry's CRM job", async () => {
		const job = await eventually(async () => {
			const [row] = queryD1<{ state: string; result: string | null }>(
				`SELECT state, result FROM jobs WHERE id = '${crmJobId}'`,
			);
			return row?.result ? row : undefined;
		}, 15_000);
		expect(job.state).toBe('succeeded');
		expect(JSON.parse(job.result ?? '{}')).toEqual({ crmLeadId: `lead_${inquiryId.slice(-8)}` });
		// The lead id is ours to know: the public job resource does not show it.
		const resource = (await (await fetch(url(`/api/jobs/${crmJobId}`))).json()) as { result: unknown };
		expect(resource.result).toBeNull();
		expect(queryD1(`SELECT type FROM webhook_events WHERE job_id = '${crmJobId}'`)).toEqual([
			{ type: 'lead.created' },
		]);
	});

	it('refuses a bad signature with 401 and changes nothing', async () => {
		const event = {
			id: `evt_bad${Date.now()}`,
			type: 'lead.created',
			data: { reference: inquiryId, leadId: 'x' },
		};
		const { response, body } = await sendCallback(event, { secret: 'not-the-secret' });
		expect(response.status).toBe(401);
		expect(body.error.message).toMatch(/does not match/);
		expect(queryD1(`SELECT 1 FROM webhook_events WHERE id = '${event.id}'`)).toEqual([]);
	});

	it('refuses a timestamp older than five minutes', async () => {
		const event = { id: `evt_old${Date.now()}`, type: 'lead.created', data: { reference: inquiryId } };
		const { response, body } = await sendCallback(event, { at: Math.floor(Date.now() / 1000) - 6 * 60 });
		expect(response.status).toBe(401);
		expect(body.error.message).toMatch(/five minutes/);
	});

	it('answers a replayed event id 200 "duplicate" and applies it once, however freshly signed', async () => {
		const event = {
			id: `evt_once${Date.now()}`,
			type: 'lead.created',
			data: { reference: inquiryId, leadId: 'lead_1' },
		};
		expect((await sendCallback(event)).response.status).toBe(200);
		const replay = await sendCallback({ ...event, data: { reference: inquiryId, leadId: 'lead_2' } });
		expect(replay.response.status).toBe(200);
		expect(replay.body).toEqual({ status: 'duplicate', id: event.id });
		const [row] = queryD1<{ result: string }>(`SELECT result FROM jobs WHERE id = '${crmJobId}'`);
		expect(JSON.parse(row?.result ?? '{}')).toEqual({ crmLeadId: 'lead_1' });
	});

	it('names the field of a malformed event, and an unknown reference', async () => {
		const malformed = await sendCallback({
			id: `evt_m${Date.now()}`,
			type: 'lead.created',
			data: { reference: 'nope' },
		});
		expect(malformed.response.status).toBe(400);
		expect(malformed.body.error.field).toBe('data.reference');
		const unknown = await sendCallback({
			id: `evt_u${Date.now()}`,
			type: 'lead.created',
			data: { reference: `inq_${'0'.repeat(32)}` },
		});
		expect(unknown.response.status).toBe(404);
		expect(unknown.body.error.field).toBe('data.reference');
	});
});
