import { describe, expect, it } from 'vitest';
import { kindOf, parseJobMessage, retryDelaySeconds } from '~/lib/queue/messages';

describe('parseJobMessage', () => {
	it('accepts a heartbeat', () => {
		const parsed = parseJobMessage({ kind: 'heartbeat', heartbeatId: 'h1', sentAt: 5 });
		expect(parsed.success && parsed.data.kind).toBe('heartbeat');
	});

	it.each([
		['an unknown kind', { kind: 'launch-rockets' }],
		['a heartbeat without an id', { kind: 'heartbeat', sentAt: 1 }],
		['a string', 'hello'],
	])('rejects %s', (_case, body) => {
		expect(parseJobMessage(body).success).toBe(false);
	});
});

describe('retryDelaySeconds', () => {
	it('doubles with each attempt from 2 seconds', () => {
		expect([1, 2, 3, 4, 5].map(retryDelaySeconds)).toEqual([2, 4, 8, 16, 32]);
	});

	it('never waits more than five minutes', () => {
		expect(retryDelaySeconds(30)).toBe(300);
	});
});

describe('kindOf', () => {
	it('reads the kind of any object that has one, and null otherwise', () => {
		expect(kindOf({ kind: 'crm.sync' })).toBe('crm.sync');
		expect(kindOf({ kind: 3 })).toBeNull();
		expect(kindOf(null)).toBeNull();
	});
});
