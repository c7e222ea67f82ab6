import { z } from 'zod';

/**
 * A callback from the CRM. `lead.created` carries the CRM's id for a lead we sent; other types
 * are acknowledged and recorded but change nothing.
 */
export const CrmEventSchema = z.object({
	id: z.string().regex(/^[A-Za-z0-9_-]{6,100}$/, 'id must be the CRM event id, e.g. "evt_123abc"'),
	type: z.string().min(1, 'type must name the event, e.g. "lead.created"').max(100),
	occurredAt: z.iso.datetime({ error: 'occurredAt must be an ISO 8601 time' }).optional(),
	data: z.object({
		reference: z
			.string()
			.regex(/^inq_[0-9a-f]{32}$/, 'data.reference must be the inquiry id we sent as Idempotency-Key'),
		leadId: z.string().min(1).max(200).optional(),
	}),
});

export type CrmEvent = z.infer<typeof CrmEventSchema>;

/** Parses a callback body, or names the first field at fault. */
export function parseCrmEvent(
	raw: unknown,
): { ok: true; event: CrmEvent } | { ok: false; field: string; message: string } {
	const parsed = CrmEventSchema.safeParse(raw);
	if (parsed.success) return { ok: true, event: parsed.data };
	const issue = parsed.error.issues[0];
	const field = issue?.path.join('.') || 'body';
	return { ok: false, field, message: issue ? `${field}: ${issue.message}` : 'The event is not valid.' };
}
