import { describe, expect, it } from 'vitest';
import { linkableTools, TOOL_IDS } from '~/lib/content/tools';

describe('linkableTools', () => {
	it('links only tools whose page exists, so guides never link to nothing', () => {
		expect(linkableTools(TOOL_IDS).every((tool) => tool.path.startsWith('/'))).toBe(true);
	});
});
