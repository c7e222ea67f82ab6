import { describe, expect, it } from 'vitest';
import { parseCrmEvent } from '~/lib/integrations/crm-event';

const event = {
	id: 'evt_0123456789',
	type: 'lead.created',
	occurredAt: '2026-11-22T09:00:00Z',
	data: { reference: `inq_${'a'.repeat(32)}`, leadId: 'lead_42' },
};

describe('parseCrmEvent', () => {
	it('accepts a lead.created callback', () => {
		expect(parseCrmEvent(event)).toEqual({ ok: true, event });
	});

	it.each([
		['a missing id', { ...event, id: undefined }, 'id'],
		['a reference that is not an inquiry id', { ...event, data: { reference: 'abc' } }, 'data.reference'],
		['a bad time', { ...event, occurredAt: 'yesterday' }, 'occurredAt'],
	])('names the field for %s', (_case, body, field) => {
		expect(parseCrmEvent(body)).toMatchObject({ ok: false, field });
	});
});
