import { describe, expect, it } from 'vitest';
import { acknowledgeDrift, type OperatorDeps } from '~/server/operator/actions';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const catalog = loadPriceCatalog();

/** An operator acknowledging an open Anthropic difference, with a notice store that may refuse writes. */
function setup(cache: OperatorDeps['cache']) {
	const logged: Record<string, unknown>[] = [];
	const deps = {
		// The acknowledgement and its audit entry, as the batch returns them: the row it changed.
		db: {
			batch: async () => [
				{ results: [{ sheet_id: 'llm-anthropic', item: 'claude-sonnet-5', field: 'input' }] },
				{},
			],
		},
		prices: {
			acknowledgeStatement: () => ({}),
			acknowledged: () => ({}),
			// The sheet has nothing else open: its notice is to be removed.
			openPriceDriftSince: async () => null,
		},
		audit: { entryWhen: () => ({}) },
		cache,
		catalog: async () => catalog,
		log: (line: Record<string, unknown>) => logged.push(line),
		now: Date.parse('2026-12-02T09:00:00Z'),
		actor: 'ops',
	} as unknown as OperatorDeps;
	return { deps, logged };
}

describe('acknowledgeDrift', () => {
	it("removes the readers' notice once a sheet has nothing open", async () => {
		const deleted: string[] = [];
		const { deps } = setup({
			put: async () => undefined,
			delete: async (key: string) => void deleted.push(key),
		});
		expect(await acknowledgeDrift('pdr_1', deps)).toEqual({
			ok: true,
			message: 'Acknowledged: llm-anthropic, claude-sonnet-5 input.',
		});
		expect(deleted).toEqual(['price-review:llm-anthropic']);
	});

	it('still reports the recorded acknowledgement when the notice store refuses a second quick write', async () => {
		const { deps, logged } = setup({
			put: async () => undefined,
			delete: async () => {
				throw new Error('KV PUT failed: 429 Too Many Requests');
			},
		});
		const result = await acknowledgeDrift('pdr_1', deps);
		expect(result.ok).toBe(true);
		expect(result.message).toMatch(
			/^Acknowledged: llm-anthropic, claude-sonnet-5 input\. The readers' notice could not be updated just now/,
		);
		expect(logged).toEqual([
			expect.objectContaining({
				level: 'warn',
				msg: 'price review notice not updated',
				sheetId: 'llm-anthropic',
			}),
		]);
	});
});
