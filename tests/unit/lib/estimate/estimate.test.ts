import { describe, expect, it } from 'vitest';
import { defaultsOf, toQueryString } from '~/lib/calculators/fields';
import { HOSTING_FIELDS } from '~/lib/calculators/hosting/fields';
import { DATABASE_FIELDS } from '~/lib/calculators/database/fields';
import { DOWNTIME_FIELDS } from '~/lib/calculators/downtime/fields';
import {
	ESTIMATE_LIMITS,
	estimateQuery,
	itemText,
	readEstimate,
	readEstimateText,
	readItem,
	type EstimateItem,
} from '~/lib/estimate/items';
import { checkEstimate, priceEstimate } from '~/lib/estimate/price';
import { estimateSubject } from '~/lib/estimate/subject';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const catalog = loadPriceCatalog();
const hosting: EstimateItem = {
	calculator: 'hosting',
	option: 'aws',
	query: toQueryString({ ...defaultsOf(HOSTING_FIELDS), requests: 1_000_000 }),
};
const database: EstimateItem = {
	calculator: 'database',
	option: 'rds',
	query: toQueryString(defaultsOf(DATABASE_FIELDS)),
};
const downtime: EstimateItem = {
	calculator: 'downtime',
	option: 'target',
	query: toQueryString(defaultsOf(DOWNTIME_FIELDS)),
};

describe('estimate links', () => {
	it('round-trips items through the URL, in order', () => {
		const query = estimateQuery([hosting, database]);
		expect(readEstimate(new URLSearchParams(query))).toEqual({ items: [hosting, database], errors: [] });
		expect(readEstimateText(query).items).toEqual([hosting, database]);
	});

	it('names a malformed item by its position and keeps the rest', () => {
		const params = new URLSearchParams(estimateQuery([hosting]));
		params.append('item', 'no option here');
		params.append('item', itemText(database));
		const read = readEstimate(params);
		expect(read.items).toEqual([hosting, database]);
		expect(read.errors).toEqual(['item 2 must start with a calculator name, e.g. hosting:cloudflare:…']);
	});

	it('caps the items, an item and the whole text', () => {
		const many = new URLSearchParams(
			estimateQuery(Array.from({ length: ESTIMATE_LIMITS.items + 2 }, () => hosting)),
		);
		const read = readEstimate(many);
		expect(read.items).toHaveLength(ESTIMATE_LIMITS.items);
		expect(read.errors[0]).toMatch(/at most 12 items/);
		expect(readItem(`hosting:aws:${'x'.repeat(ESTIMATE_LIMITS.itemChars)}`)).toMatch(/longer than 1,200/);
		expect(readEstimateText('item='.padEnd(ESTIMATE_LIMITS.totalChars + 1, 'x')).errors[0]).toMatch(
			/longer than 8,000/,
		);
	});
});

describe('pricing an estimate', () => {
	it('adds the bill, splits it by provider, and keeps downtime out of it', () => {
		const priced = priceEstimate({ items: [hosting, database, downtime], errors: [] }, catalog);
		const [first, second, third] = priced.items;
		expect(priced.errors).toEqual([]);
		expect(priced.spendUsd).toBeCloseTo((first?.chosen.usd ?? 0) + (second?.chosen.usd ?? 0), 2);
		expect(third?.kind).toBe('risk');
		expect(priced.riskUsd).toBeCloseTo(third?.chosen.usd ?? 0, 2);
		expect(priced.byProvider.map((entry) => entry.provider)).toEqual(['AWS']);
		expect(priced.byProvider[0]?.usd).toBe(priced.spendUsd);
	});

	it('prices the cheapest option of each item beside the chosen one', () => {
		const expensive = { ...database, option: 'aurora-serverless' };
		const priced = priceEstimate({ items: [expensive], errors: [] }, catalog);
		expect(priced.cheapestUsd).toBeLessThan(priced.spendUsd);
	});

	it('names an unknown calculator, a bad value and an unknown option, and prices the rest', () => {
		const priced = priceEstimate(
			{
				items: [
					{ calculator: 'nope', option: 'x', query: '' },
					{ ...hosting, query: 'requests=-5' },
					{ ...hosting, option: 'azure' },
					database,
				],
				errors: [],
			},
			catalog,
		);
		expect(priced.errors).toEqual([
			'item 1 names no calculator "nope"',
			'item 2 (Edge vs serverless hosting cost calculator): requests must not be negative',
			'item 3 (Edge vs serverless hosting cost calculator): option "azure" is not one of aws, cloudflare',
		]);
		expect(priced.items).toHaveLength(1);
		expect(priced.query).toBe(estimateQuery([database]));
	});

	it('checks an estimate sent with an inquiry', () => {
		expect(checkEstimate(estimateQuery([hosting]), catalog)).toEqual({ query: estimateQuery([hosting]) });
		expect(checkEstimate('item=nope%3Ax%3A', catalog)).toEqual({
			error: 'The estimate could not be read: item 1 names no calculator "nope".',
		});
		expect(checkEstimate('', catalog)).toEqual({ error: 'The estimate holds no items.' });
	});

	it('prices every item at each traffic level of a full report', () => {
		const values = { estimate: estimateQuery([hosting, database]) };
		const low = estimateSubject.report.step(values, 1, catalog);
		const high = estimateSubject.report.step(values, 100, catalog);
		expect(low.map((row) => row.driver)).toEqual([1, 2]);
		expect(high[0]!.usd).toBeGreaterThan(low[0]!.usd);
		expect(estimateSubject.read(catalog, () => 'item=nope%3Ax%3A').errors).toEqual({
			estimate: 'item 1 names no calculator "nope"',
		});
	});
});
