import { z } from 'zod';
import { DatabasePriceSheetSchema } from './database-sheet-schema.ts';
import { LlmPriceSheetSchema } from './llm-sheet-schema.ts';
import { provenance } from './sheet-provenance.ts';

/**
 * A price band: usage up to `upTo` billing units of the month's total (free and included usage
 * count, as the providers count it), or the rest when `upTo` is absent.
 */
const TierSchema = z.strictObject({
	upTo: z
		.number()
		.positive()
		.optional()
		.describe(
			'Total monthly usage, in billing units, at which this band ends, e.g. 10240 (GB); leave out on the last band',
		),
	usd: z.number().nonnegative().describe('Price per billing unit in US dollars, e.g. 0.09'),
	note: z
		.string()
		.optional()
		.describe('Where this value comes from when it is not the sheet source, e.g. "secondary: …"'),
});

/** One billed dimension of a product, e.g. Workers requests or S3 data transfer out. */
export const MeterSchema = z
	.strictObject({
		id: z
			.string()
			.regex(/^[a-z0-9-]+$/, 'meter id must be lower-case words joined by hyphens, e.g. cpu-time'),
		label: z.string().min(2).describe('What the line item is called, e.g. "CPU time"'),
		unit: z.string().min(1).describe('The billing unit as readers see it, e.g. "million requests"'),
		unitSize: z
			.number()
			.positive()
			.default(1)
			.describe('How many counted units make one billing unit, e.g. 1000000 for "million requests"'),
		included: z
			.number()
			.nonnegative()
			.default(0)
			.describe('Counted units the plan includes every month, always applied, e.g. 10000000'),
		free: z
			.number()
			.nonnegative()
			.default(0)
			.describe(
				'Counted units of the provider free tier, applied only when the free tier is on, e.g. 1000000',
			),
		roundUp: z
			.boolean()
			.default(false)
			.describe('true when the provider rounds the billable amount up to a whole billing unit (R2 does)'),
		tiers: z.array(TierSchema).min(1).describe('Price bands in ascending order; one band for a flat price'),
		note: z
			.string()
			.optional()
			.describe('A billing rule or a source note for this meter, e.g. "shared by both architectures"'),
	})
	.superRefine((meter, ctx) => {
		const last = meter.tiers.length - 1;
		meter.tiers.forEach((tier, index) => {
			if (index < last && tier.upTo === undefined) {
				ctx.addIssue({
					code: 'custom',
					path: ['tiers', index, 'upTo'],
					message: 'only the last band may leave out upTo',
				});
			}
			const previous = meter.tiers[index - 1]?.upTo;
			if (previous !== undefined && tier.upTo !== undefined && tier.upTo <= previous) {
				ctx.addIssue({
					code: 'custom',
					path: ['tiers', index, 'upTo'],
					message: 'bands must be in ascending order of upTo',
				});
			}
		});
		if (meter.roundUp && meter.tiers.length > 1) {
			ctx.addIssue({
				code: 'custom',
				path: ['roundUp'],
				message: 'roundUp applies to one-price meters only; no provider we price rounds banded usage',
			});
		}
		if (meter.tiers[last]?.upTo !== undefined) {
			ctx.addIssue({
				code: 'custom',
				path: ['tiers', last, 'upTo'],
				message: 'the last band must leave out upTo (it covers the rest)',
			});
		}
	});

/** A metered product's prices (content/pricing/<product>.yaml). */
export const MeteredPriceSheetSchema = z.strictObject({
	kind: z.literal('metered'),
	...provenance,
	baseFeeUsd: z
		.number()
		.nonnegative()
		.default(0)
		.describe('Monthly plan fee charged whatever the usage, e.g. 5'),
	meters: z.array(MeterSchema).min(1),
});

export const PriceSheetSchema = z.discriminatedUnion('kind', [
	MeteredPriceSheetSchema,
	LlmPriceSheetSchema,
	DatabasePriceSheetSchema,
]);

export type Meter = z.infer<typeof MeterSchema>;
export type MeteredPriceSheet = z.infer<typeof MeteredPriceSheetSchema>;
export type { LlmModel, LlmPriceSheet, LlmPrices } from './llm-sheet-schema.ts';
export type { DatabasePriceSheet } from './database-sheet-schema.ts';
export type PriceSheet = z.infer<typeof PriceSheetSchema>;
