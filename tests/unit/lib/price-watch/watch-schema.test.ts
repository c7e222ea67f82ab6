import { describe, expect, it } from 'vitest';
import { WatchSchema } from '~/lib/price-watch/watch-schema';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const firstIssue = (raw: unknown) => {
	const result = WatchSchema.safeParse(raw);
	return result.success
		? null
		: { path: result.error.issues[0]?.path, message: result.error.issues[0]?.message };
};

describe('a sheet’s watch block', () => {
	it('names the kinds there are when the kind is wrong', () => {
		expect(firstIssue({ kind: 'scrape' })?.message).toMatch(
			/one of genai-prices, models-dev, aws-price-list/,
		);
	});

	it('names the field that is wrong', () => {
		expect(firstIssue({ kind: 'genai-prices', url: 'data.json', provider: 'openai' })).toEqual({
			path: ['url'],
			message: 'url must be the full address of the upstream file, e.g. https://…/data.json',
		});
		expect(firstIssue({ kind: 'docs-commits', repo: 'cloudflare-docs', paths: ['a.mdx'] })?.path).toEqual([
			'repo',
		]);
		expect(firstIssue({ kind: 'manual', why: '' })?.path).toEqual(['why']);
	});

	it('gives model datasets and AWS price lists their stale thresholds by default', () => {
		expect(
			WatchSchema.parse({ kind: 'models-dev', url: 'https://models.dev/api.json', provider: 'groq' }),
		).toMatchObject({
			staleAfterDays: 30,
			models: {},
		});
		expect(
			WatchSchema.parse({ kind: 'aws-price-list', url: 'https://pricing.example/index.json' }),
		).toMatchObject({
			staleAfterDays: 120,
			match: {},
			prices: [],
		});
	});

	it('is given by every price sheet, and an AWS list names only meters its sheet has', () => {
		const catalog = loadPriceCatalog();
		for (const sheet of catalog.metered) {
			if (sheet.watch.kind !== 'aws-price-list') continue;
			const meters = new Set(sheet.meters.map((meter) => meter.id));
			for (const price of sheet.watch.prices)
				expect(meters, `${sheet.id}: ${price.item}`).toContain(price.item);
		}
	});
});
