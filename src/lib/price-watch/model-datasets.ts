// Readers for the two public model-price datasets the LLM sheets are watched against. Each
// checks the shape of what came back (a malformed or truncated dataset is an error, never "all
// prices are zero"), picks our models by exact id, and names their prices in the watch's fields
// (llm-prices.ts). Upstream fields we do not use are let through, so an added field is no error.
import { z } from 'zod';
import type { Observation, WatchedPrice } from './drift.ts';
import { overField } from './llm-prices.ts';

/** What came back is not the dataset we expect; the message names where. */
export class UpstreamShapeError extends Error {
	override name = 'UpstreamShapeError';
}

/**
 * An upstream's text as JSON.
 * @throws UpstreamShapeError when it is not JSON, as a truncated download is not.
 */
export function parseUpstreamJson(text: string, what: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		throw new UpstreamShapeError(`${what}: not valid JSON (${text.length} characters; cut short?)`);
	}
}

/** The first problem zod found, as "path: message". */
const firstIssue = (error: z.ZodError) => {
	const issue = error.issues[0];
	return issue ? `${issue.path.join('.') || '(top)'}: ${issue.message}` : 'not the expected shape';
};

const usd = z.number().nonnegative();

// --- pydantic/genai-prices, prices/new_data/v2/data.json: an array of providers. ---

/** A price, flat or with thresholds: past `start` input tokens, `price` applies to all of them. */
const GenaiPrice = z.union([
	usd,
	z.object({ base: usd, tiers: z.array(z.object({ start: z.int().positive(), price: usd })) }),
]);
const GenaiPriceSet = z.object({
	input_mtok: GenaiPrice.optional(),
	output_mtok: GenaiPrice.optional(),
	cache_read_mtok: GenaiPrice.optional(),
	cache_write_mtok: GenaiPrice.optional(),
	cache_write_1h_mtok: GenaiPrice.optional(),
});
const GenaiDataset = z.array(
	z.object({
		id: z.string(),
		models: z.array(
			z.object({
				id: z.string(),
				deprecated: z.boolean().optional(),
				prices: z.union([
					GenaiPriceSet,
					z
						.array(
							z.object({
								constraint: z.object({ start_date: z.iso.date().optional() }).optional(),
								prices: GenaiPriceSet,
							}),
						)
						.min(1),
				]),
			}),
		),
	}),
);
type GenaiPriceSet = z.infer<typeof GenaiPriceSet>;

const GENAI_FIELDS: Record<keyof GenaiPriceSet, string> = {
	input_mtok: 'input',
	output_mtok: 'output',
	cache_read_mtok: 'cacheRead',
	cache_write_mtok: 'cacheWrite',
	cache_write_1h_mtok: 'cacheWrite 60m',
};

/**
 * The price set in force on `today`. The dataset tries conditional sets last to first and takes
 * the first that applies, else the first; a set limited to hours of the day never applies here.
 */
function genaiPricesOn(
	prices: z.infer<typeof GenaiDataset>[number]['models'][number]['prices'],
	today: string,
) {
	if (!Array.isArray(prices)) return prices;
	const applying = prices.findLast(({ constraint }) =>
		constraint === undefined ? true : constraint.start_date !== undefined && constraint.start_date <= today,
	);
	return (applying ?? prices[0]!).prices;
}

/**
 * Reads genai-prices' dataset for `provider`, for our models (our id → the dataset's id).
 * @throws UpstreamShapeError when the text is not that dataset or the provider is missing.
 */
export function readGenaiPrices(
	json: unknown,
	provider: string,
	ids: ReadonlyMap<string, string>,
	today: string,
): Observation {
	const parsed = GenaiDataset.safeParse(json);
	if (!parsed.success) throw new UpstreamShapeError(`genai-prices: ${firstIssue(parsed.error)}`);
	const models = parsed.data.find((entry) => entry.id === provider)?.models;
	if (!models) throw new UpstreamShapeError(`genai-prices: no provider "${provider}"`);
	const byId = new Map(models.map((model) => [model.id, model]));

	const listed = new Set<string>();
	const prices: WatchedPrice[] = [];
	const lifecycle: Observation['lifecycle'][number][] = [];
	for (const [ours, theirs] of ids) {
		const model = byId.get(theirs);
		if (!model) continue;
		listed.add(ours);
		if (model.deprecated) lifecycle.push({ item: ours, status: 'deprecated' });
		const set = genaiPricesOn(model.prices, today);
		for (const [name, field] of Object.entries(GENAI_FIELDS) as [keyof GenaiPriceSet, string][]) {
			const price = set[name];
			if (price === undefined) continue;
			if (typeof price === 'number') {
				prices.push({ item: ours, field, usd: price });
				continue;
			}
			prices.push({ item: ours, field, usd: price.base });
			for (const tier of price.tiers)
				prices.push({ item: ours, field: overField(field, tier.start), usd: tier.price });
		}
	}
	return { listed, prices, lifecycle };
}

// --- models.dev, api.json: an object keyed by provider id. ---

const ModelsDevCost = z.object({
	input: usd.optional(),
	output: usd.optional(),
	cache_read: usd.optional(),
	cache_write: usd.optional(),
});
const ModelsDevDataset = z.record(
	z.string(),
	z.object({
		models: z.record(
			z.string(),
			z.object({
				// "deprecated" there means the provider no longer serves it: our "retired".
				status: z.string().optional(),
				cost: ModelsDevCost.extend({
					tiers: z
						.array(ModelsDevCost.extend({ tier: z.object({ type: z.string(), size: z.int().positive() }) }))
						.optional(),
				}).optional(),
			}),
		),
	}),
);

const MODELS_DEV_FIELDS: Record<keyof z.infer<typeof ModelsDevCost>, string> = {
	input: 'input',
	output: 'output',
	cache_read: 'cacheRead',
	cache_write: 'cacheWrite',
};

const costFields = (item: string, cost: z.infer<typeof ModelsDevCost>, over?: number): WatchedPrice[] =>
	(Object.entries(MODELS_DEV_FIELDS) as [keyof typeof MODELS_DEV_FIELDS, string][]).flatMap(
		([name, field]) => {
			const value = cost[name];
			if (value === undefined) return [];
			return [{ item, field: over === undefined ? field : overField(field, over), usd: value }];
		},
	);

/**
 * Reads models.dev's api.json for `provider`, for our models (our id → its id).
 * @throws UpstreamShapeError when the text is not that dataset or the provider is missing.
 */
export function readModelsDev(
	json: unknown,
	provider: string,
	ids: ReadonlyMap<string, string>,
): Observation {
	const parsed = ModelsDevDataset.safeParse(json);
	if (!parsed.success) throw new UpstreamShapeError(`models.dev: ${firstIssue(parsed.error)}`);
	const models = parsed.data[provider]?.models;
	if (!models) throw new UpstreamShapeError(`models.dev: no provider "${provider}"`);

	const listed = new Set<string>();
	const prices: WatchedPrice[] = [];
	const lifecycle: Observation['lifecycle'][number][] = [];
	for (const [ours, theirs] of ids) {
		const model = models[theirs];
		if (!model) continue;
		listed.add(ours);
		if (model.status === 'deprecated') lifecycle.push({ item: ours, status: 'retired' });
		if (!model.cost) continue;
		prices.push(...costFields(ours, model.cost));
		for (const tier of model.cost.tiers ?? [])
			if (tier.tier.type === 'context') prices.push(...costFields(ours, tier, tier.tier.size));
	}
	return { listed, prices, lifecycle };
}
