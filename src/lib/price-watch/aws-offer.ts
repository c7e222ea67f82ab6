// Reads an AWS Price List offer file (JSON) for the meters a metered sheet watches, and names
// the sheet's own bands the same way, so the two can be compared band by band.
import { z } from 'zod';
import type { Meter, MeteredPriceSheet } from '../pricing/price-sheet-schema.ts';
import type { Observation, WatchedPrice } from './drift.ts';
import { UpstreamShapeError } from './model-datasets.ts';
import type { Watch } from './watch-schema.ts';

type AwsWatch = Extract<Watch, { kind: 'aws-price-list' }>;

/** Ranges and prices are decimal strings; an open band ends at "Inf". */
const decimal = z.string().regex(/^\d+(\.\d+)?$/, 'must be a decimal number');
const OfferFile = z.object({
	publicationDate: z.iso.datetime({ offset: true }),
	products: z.record(z.string(), z.object({ attributes: z.record(z.string(), z.string()) })),
	terms: z.object({
		OnDemand: z.record(
			z.string(),
			z.record(
				z.string(),
				z.object({
					priceDimensions: z.record(
						z.string(),
						z.object({
							beginRange: decimal,
							endRange: z.union([decimal, z.literal('Inf')]),
							pricePerUnit: z.object({ USD: decimal }),
						}),
					),
				}),
			),
		),
	}),
});

/** A band's field name: "price" for a one-price meter, else where the band ends or starts. */
const bandField = (upTo: number | undefined, previousUpTo: number | undefined, banded: boolean) =>
	!banded ? 'price' : upTo !== undefined ? `up to ${upTo}` : `above ${previousUpTo ?? 0}`;

/** Rounds away binary noise from unit conversions (AWS quotes 10 decimals). */
export const tidy = (value: number) => Number(value.toPrecision(12));

/** The watched meters' bands as the sheet has them, per billing unit. */
export function meteredWatchedPrices(
	sheet: Pick<MeteredPriceSheet, 'meters'>,
	watch: AwsWatch,
): WatchedPrice[] {
	const watched = new Set(watch.prices.map((price) => price.item));
	return sheet.meters
		.filter((meter) => watched.has(meter.id))
		.flatMap((meter) =>
			meter.tiers.map((tier, index) => ({
				item: meter.id,
				field: bandField(tier.upTo, meter.tiers[index - 1]?.upTo, meter.tiers.length > 1),
				usd: tier.usd,
			})),
		);
}

/**
 * The prices an offer file gives the watched meters, converted to each meter's billing unit
 * (`unitSize` counted units), and the day AWS published the file.
 * @throws UpstreamShapeError when the file is not an offer file, or a usagetype matches no
 * product or several (the watch must then name more attributes in `match`).
 */
export function readAwsOffer(
	json: unknown,
	watch: AwsWatch,
	meters: readonly Pick<Meter, 'id' | 'unitSize'>[],
	url = watch.url,
): { observation: Observation; publishedAt: Date } {
	const parsed = OfferFile.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new UpstreamShapeError(
			`AWS offer file: ${issue?.path.join('.') ?? '(top)'}: ${issue?.message ?? 'not an offer file'}`,
		);
	}
	const offer = parsed.data;
	const listed = new Set<string>();
	const prices: WatchedPrice[] = [];
	for (const selector of watch.prices.filter((price) => (price.url ?? watch.url) === url)) {
		const meter = meters.find((candidate) => candidate.id === selector.item);
		if (!meter) continue;
		const wanted = { ...watch.match, usagetype: selector.usagetype };
		const skus = Object.entries(offer.products)
			.filter(([, product]) =>
				Object.entries(wanted).every(([name, value]) => product.attributes[name] === value),
			)
			.map(([sku]) => sku);
		if (skus.length !== 1)
			throw new UpstreamShapeError(
				`AWS offer file: usagetype ${selector.usagetype} matches ${skus.length} products, not one`,
			);
		const dimensions = Object.values(offer.terms.OnDemand[skus[0]!] ?? {}).flatMap((term) =>
			Object.values(term.priceDimensions),
		);
		if (dimensions.length === 0)
			throw new UpstreamShapeError(`AWS offer file: no on-demand price for usagetype ${selector.usagetype}`);
		const bands = dimensions
			.map((dimension) => ({
				upTo: dimension.endRange === 'Inf' ? undefined : tidy(Number(dimension.endRange) / meter.unitSize),
				begin: Number(dimension.beginRange),
				usd: tidy(Number(dimension.pricePerUnit.USD) * meter.unitSize),
			}))
			.sort((a, b) => a.begin - b.begin);
		listed.add(meter.id);
		bands.forEach((band, index) =>
			prices.push({
				item: meter.id,
				field: bandField(band.upTo, bands[index - 1]?.upTo, bands.length > 1),
				usd: band.usd,
			}),
		);
	}
	return { observation: { listed, prices, lifecycle: [] }, publishedAt: new Date(offer.publicationDate) };
}
