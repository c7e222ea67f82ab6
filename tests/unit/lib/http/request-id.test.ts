import { describe, expect, it } from 'vitest';
import { resolveRequestId } from '~/lib/http/request-id';

describe('resolveRequestId', () => {
	const generate = () => 'generated-id';

	it('keeps a well-formed incoming id so a trace spans services', () => {
		expect(resolveRequestId('abc123-def:456.7_8', generate)).toBe('abc123-def:456.7_8');
	});

	it.each([
		['missing', null],
		['too short', 'abc'],
		['with spaces', 'has spaces in it'],
		['with markup', '<script>alert(1)</script>'],
		['too long', 'a'.repeat(129)],
	])('generates a new id when the incoming one is %s', (_case, incoming) => {
		expect(resolveRequestId(incoming, generate)).toBe('generated-id');
	});
});
