import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { meteredWatchedPrices, readAwsOffer } from '~/lib/price-watch/aws-offer';
import { diffPrices } from '~/lib/price-watch/drift';
import { UpstreamShapeError } from '~/lib/price-watch/model-datasets';
import { WatchSchema } from '~/lib/price-watch/watch-schema';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const offer: unknown = JSON.parse(
	readFileSync(new URL('../../../mocks/upstreams/aws-lambda-us-east-1.json', import.meta.url), 'utf8'),
);
const lambda = loadPriceCatalog().metered.find((sheet) => sheet.id === 'aws-lambda')!;
const watch = lambda.watch.kind === 'aws-price-list' ? lambda.watch : (undefined as never);
const byField = (prices: readonly { item: string; field: string; usd: number }[], item: string) =>
	Object.fromEntries(prices.filter((price) => price.item === item).map((price) => [price.field, price.usd]));

describe('readAwsOffer', () => {
	it('reads each watched meter in its billing unit, band by band, and when AWS published the file', () => {
		const { observation, publishedAt } = readAwsOffer(offer, watch, lambda.meters);
		expect(byField(observation.prices, 'requests')).toEqual({ price: 0.2 });
		expect(byField(observation.prices, 'duration-x86')).toEqual({
			'up to 6000000000': 0.0000166667,
			'up to 15000000000': 0.000015,
			'above 15000000000': 0.0000133334,
		});
		expect(publishedAt).toEqual(new Date('2026-08-31T09:23:18Z'));
	});

	it('agrees with our Lambda sheet, and finds a price AWS changes', () => {
		const ours = meteredWatchedPrices(lambda, watch);
		const { observation } = readAwsOffer(offer, watch, lambda.meters);
		expect(diffPrices(ours, observation)).toEqual([]);

		const raised = JSON.stringify(offer).replace('"0.0000002000"', '"0.0000002500"');
		expect(diffPrices(ours, readAwsOffer(JSON.parse(raised), watch, lambda.meters).observation)).toEqual([
			{ item: 'requests', field: 'price', ours: 0.2, theirs: 0.25 },
		]);
	});

	it('refuses a file that is not an offer file, or a usagetype that does not pick one product', () => {
		expect(() => readAwsOffer({ products: {} }, watch, lambda.meters)).toThrow(UpstreamShapeError);
		const vague = WatchSchema.parse({
			kind: 'aws-price-list',
			url: watch.url,
			prices: [{ item: 'requests', usagetype: 'Request-Typo' }],
		});
		expect(() => readAwsOffer(offer, vague as typeof watch, lambda.meters)).toThrow(
			/matches 0 products, not one/,
		);
	});
});
