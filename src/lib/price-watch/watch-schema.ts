import { z } from 'zod';

const upstreamUrl = z.url({
	error: 'url must be the full address of the upstream file, e.g. https://…/data.json',
});
const staleAfterDays = z
	.int({ error: 'staleAfterDays must be a whole number of days, e.g. 30' })
	.positive()
	.max(366)
	.describe('An upstream whose data is older than this is reported stale, never "no drift"');
/** Our model id → the upstream's, where they differ (the model's apiId is tried first). */
const modelIds = z
	.record(z.string(), z.string())
	.default({})
	.describe(
		'Upstream ids of our models where they differ from ours and from the apiId, e.g. { gpt-5: gpt-5-2025-08-07 }',
	);

/** A maintained public dataset of model prices, read for one provider. */
const ModelDatasetWatch = {
	url: upstreamUrl,
	provider: z.string().min(2).describe('The provider key in the dataset, e.g. "anthropic"'),
	models: modelIds,
	staleAfterDays: staleAfterDays.default(30),
};

/**
 * Where a price sheet's values are checked, and how to read them (content/pricing/*.yaml, `watch`).
 * The price watch compares what it reads with the sheet; it never edits the sheet.
 */
export const WatchSchema = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({ kind: z.literal('genai-prices'), ...ModelDatasetWatch }),
		z.strictObject({ kind: z.literal('models-dev'), ...ModelDatasetWatch }),
		z.strictObject({
			kind: z.literal('aws-price-list'),
			url: upstreamUrl.describe('The current offer file for the service and region (JSON or CSV)'),
			match: z
				.record(z.string(), z.string())
				.default({})
				.describe('Product attributes every price must have, e.g. { databaseEngine: PostgreSQL }'),
			prices: z
				.array(
					z.strictObject({
						item: z.string().min(1).describe('Our meter or size id, e.g. duration-x86'),
						field: z
							.string()
							.min(1)
							.optional()
							.describe('Which of its prices, where it has several, e.g. haUsdPerHour'),
						usagetype: z
							.string()
							.min(2)
							.describe('The usagetype attribute that picks the SKU, e.g. Lambda-GB-Second'),
						url: upstreamUrl
							.optional()
							.describe('Another offer file, when this price lives there (e.g. AWSDataTransfer)'),
					}),
				)
				.default([])
				.describe('Where each watched price is; database sheets name their sizes by convention instead'),
			staleAfterDays: staleAfterDays.default(120),
		}),
		z.strictObject({
			kind: z.literal('docs-commits'),
			repo: z
				.string()
				.regex(/^[\w.-]+\/[\w.-]+$/, 'repo must be owner/name on GitHub, e.g. cloudflare/cloudflare-docs'),
			branch: z.string().min(1).optional().describe("Leave out for the repository's default branch"),
			paths: z
				.array(z.string().min(1))
				.min(1)
				.describe('The files that render the pricing page, partials included'),
		}),
		z.strictObject({
			kind: z.literal('manual'),
			why: z.string().min(10).describe('Why nothing can be read automatically, e.g. "no public source"'),
		}),
	],
	{ error: 'watch.kind must be one of genai-prices, models-dev, aws-price-list, docs-commits, manual' },
);

export type Watch = z.infer<typeof WatchSchema>;
export type WatchKind = Watch['kind'];
