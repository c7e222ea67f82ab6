import { parseCrmEvent } from '~/lib/integrations/crm-event';
import { SIGNATURE_HEADER, verifySignature } from '~/lib/integrations/signature';
import type { WebhookEventsRepo } from '../db/webhook-events-repo';
import { badRequest, HttpError } from '~/lib/http/http-error';
import { isJsonObject } from '~/lib/http/body-format';
import { json } from '../http/responses';

/** Callbacks are small; anything bigger is not from our CRM. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

const SIGNATURE_PROBLEMS = {
	missing: `The ${SIGNATURE_HEADER} header is missing.`,
	malformed: `The ${SIGNATURE_HEADER} header must look like t=<unix seconds>,v1=<64 hex digits>.`,
	expired: 'The signature timestamp is more than five minutes from our clock; replays are refused.',
	mismatch: 'The signature does not match the body.',
} as const;

/**
 * Handles one CRM callback: signature (same scheme as our outbound calls, timestamps within five
 * minutes), then the body, then the event id (an id seen before answers 200 "duplicate" and
 * changes nothing, so a sender's retry stops), then the job update. Every refusal names what was
 * wrong.
 */
export async function handleCrmWebhook(
	request: { body: string; signature: string | null },
	deps: {
		secret: string | undefined;
		events: WebhookEventsRepo;
		now: number;
		requestId: string;
		log: (line: Record<string, unknown>) => void;
	},
): Promise<Response> {
	const { requestId } = deps;
	if (!deps.secret) throw new HttpError(503, 'unavailable', 'CRM callbacks are not configured here.');
	const check = await verifySignature(
		request.signature,
		request.body,
		deps.secret,
		Math.floor(deps.now / 1000),
	);
	if (!check.ok) {
		deps.log({ level: 'warn', msg: 'crm webhook refused', reason: check.reason, requestId });
		throw new HttpError(401, 'unauthorized', SIGNATURE_PROBLEMS[check.reason], { field: SIGNATURE_HEADER });
	}
	let raw: unknown;
	try {
		raw = JSON.parse(request.body);
	} catch {
		throw badRequest('The body is not valid JSON.', 'body');
	}
	if (!isJsonObject(raw)) throw badRequest('The body must be a JSON object.', 'body');
	const parsed = parseCrmEvent(raw);
	if (!parsed.ok) throw badRequest(parsed.message, parsed.field);
	const { event } = parsed;

	// A replay is answered as a success, so the sender stops retrying; nothing is applied twice.
	const duplicate = () => json({ status: 'duplicate', id: event.id });
	try {
		if (event.type !== 'lead.created') {
			if (await deps.events.seen(event.id)) return duplicate();
			await deps.events.recordIgnored({ id: event.id, type: event.type, now: deps.now });
			return json({ status: 'ignored', id: event.id });
		}
		const outcome = await deps.events.recordLeadCreated({
			id: event.id,
			type: event.type,
			reference: event.data.reference,
			leadId: event.data.leadId ?? null,
			now: deps.now,
		});
		if (outcome === 'duplicate') return duplicate();
		if (outcome === 'no-job')
			throw new HttpError(404, 'not_found', `No CRM job for inquiry ${event.data.reference}.`, {
				field: 'data.reference',
			});
	} catch (error) {
		// Two deliveries of one event raced; the other one applied it.
		if (error instanceof Error && /UNIQUE|PRIMARY KEY/i.test(error.message)) return duplicate();
		throw error;
	}
	deps.log({
		level: 'info',
		msg: 'crm webhook applied',
		eventId: event.id,
		reference: event.data.reference,
		requestId,
	});
	return json({ status: 'applied', id: event.id });
}
