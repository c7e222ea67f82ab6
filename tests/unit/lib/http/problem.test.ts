import { describe, expect, it } from 'vitest';
import { createProblem } from '~/lib/http/problem';

describe('createProblem', () => {
	it('builds the one API error shape', () => {
		expect(createProblem('not_found', 'No such thing.', 'req-1')).toEqual({
			error: { code: 'not_found', message: 'No such thing.', requestId: 'req-1' },
		});
	});

	it('names the field at fault when there is one', () => {
		expect(createProblem('bad_request', 'Enter an email address.', 'req-2', 'email').error.field).toBe(
			'email',
		);
	});
});
