import { describe, expect, it } from 'vitest';
import { classifyResponse } from '~/lib/integrations/classify-response';

describe('classifyResponse', () => {
	it.each([
		[200, 'success'],
		[201, 'success'],
		[null, 'retry'],
		[408, 'retry'],
		[429, 'retry'],
		[500, 'retry'],
		[503, 'retry'],
		[400, 'permanent-failure'],
		[401, 'permanent-failure'],
		[422, 'permanent-failure'],
	] as const)('%s → %s', (status, outcome) => {
		expect(classifyResponse(status)).toBe(outcome);
	});
});
