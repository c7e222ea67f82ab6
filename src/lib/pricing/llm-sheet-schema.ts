import { z } from 'zod';
import { provenance } from './sheet-provenance.ts';

const usd = (what: string) => z.number().nonnegative().describe(`USD per million ${what}`);
/** A day as YAML gives it: a Date (js-yaml reads bare dates so) or the same day as text. */
const isoDate = (example: string) =>
	z.preprocess(
		(value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
		z.iso.date({ error: `must be a date written as YYYY-MM-DD, e.g. ${example}` }),
	);

/** One prompt-cache lifetime a provider sells, with the price of writing a token into it. */
const CacheWriteSchema = z.strictObject({
	ttlMinutes: z
		.number()
		.positive()
		.describe('How long a cache entry lives without use, in minutes, e.g. 5 or 60'),
	usd: usd('tokens written to the cache with this lifetime; the input price where writes cost nothing extra'),
	note: z
		.string()
		.optional()
		.describe('Where the lifetime or price comes from when it is not the sheet source'),
});

const pricesShape = {
	input: usd('input tokens not read from the cache'),
	output: usd('output tokens (thinking tokens included where the provider bills them as output)'),
	cacheRead: usd('input tokens read from the prompt cache').optional(),
	cacheWrites: z
		.array(CacheWriteSchema)
		.min(1)
		.optional()
		.describe('Cache lifetimes on offer, shortest first; leave out with cacheRead when there is no caching'),
};
/** Caching is priced whole or not at all: a read price without write prices (or the reverse) is a typo. */
const cachingIsWhole = (prices: { cacheRead?: number | undefined; cacheWrites?: unknown }) =>
	(prices.cacheRead === undefined) === (prices.cacheWrites === undefined);
const cachingIsWholeIssue = {
	message: 'give both cacheRead and cacheWrites, or neither (a model without prompt caching)',
	path: ['cacheWrites'],
};

/** The prices of one model at one prompt length: what a call costs per million tokens of each kind. */
export const LlmPricesSchema = z.strictObject(pricesShape).refine(cachingIsWhole, cachingIsWholeIssue);

/** A price band by prompt length: a call whose input is over `aboveInputTokens` is priced here, all of it. */
const LongContextSchema = z
	.strictObject({
		...pricesShape,
		aboveInputTokens: z
			.int()
			.positive()
			.describe('Input tokens per call (cached ones included) above which this band applies, e.g. 200000'),
	})
	.refine(cachingIsWhole, cachingIsWholeIssue);

/** A price change the provider has announced, in force from `from` (e.g. the end of an introductory price). */
const ScheduledPricesSchema = z.strictObject({
	from: isoDate('2026-12-01').describe('First day the new prices apply'),
	prices: LlmPricesSchema,
	longContext: z.array(LongContextSchema).optional(),
	source: z.url().optional().describe('The page that announces the change, when it is not the sheet source'),
});

export const MODEL_STATUSES = ['current', 'legacy', 'deprecated', 'retired'] as const;

/** One model: its prices, its limits and where it is in its life, each with a source. */
export const LlmModelSchema = z
	.strictObject({
		id: z
			.string()
			.regex(
				/^[a-z0-9][a-z0-9.-]*$/,
				'model id must be lower-case words, digits, dots and hyphens, e.g. claude-sonnet-5-5',
			),
		apiId: z
			.string()
			.optional()
			.describe('The id the provider API takes when it differs from ours, e.g. "@cf/openai/gpt-oss-120b"'),
		name: z.string().min(2).describe('The name the provider gives it, e.g. "Claude Sonnet 5.5"'),
		released: isoDate('2026-09-28').describe('When the provider made it available'),
		status: z
			.enum(MODEL_STATUSES, { error: `status must be one of ${MODEL_STATUSES.join(', ')}` })
			.describe('As the provider labels it on asOf; dates below move it on by themselves'),
		deprecatedOn: isoDate('2026-09-30').optional().describe('When the provider announced its retirement'),
		retiresOn: isoDate('2026-11-30').optional().describe('The first day requests to it fail'),
		successor: z.string().optional().describe('Id of the model the provider recommends instead'),
		contextWindow: z.int().positive().describe('Most tokens a call may hold, e.g. 1000000'),
		prices: LlmPricesSchema,
		longContext: z
			.array(LongContextSchema)
			.default([])
			.describe('Higher bands for long prompts, lowest first'),
		scheduled: z.array(ScheduledPricesSchema).default([]).describe('Announced price changes, earliest first'),
		minCacheableTokens: z
			.int()
			.nonnegative()
			.optional()
			.describe('Shortest prompt prefix the provider caches at all, e.g. 1024; required with caching'),
		batch: z.boolean().default(true).describe('false when the sheet batch discount does not apply to it'),
		batchCacheDiscount: z
			.boolean()
			.optional()
			.describe('Whether cache prices are discounted in batches too; the sheet rule when left out'),
		tokenizer: z.string().optional().describe('Id of a tokenizer listed under tokenizers in this sheet'),
		sources: z
			.record(z.string(), z.url({ error: 'each source must be a full URL' }))
			.refine((sources) => 'prices' in sources && 'lifecycle' in sources, {
				message: 'sources needs at least prices and lifecycle URLs',
			})
			.describe('Where each value comes from: prices, lifecycle, caching, context…'),
		secondary: z
			.string()
			.optional()
			.describe(
				'Values only a secondary source gives, and which source, e.g. "cache read: third-party trackers"',
			),
		notes: z.string().optional(),
	})
	.superRefine((model, ctx) => {
		if (model.prices.cacheRead !== undefined && model.minCacheableTokens === undefined)
			ctx.addIssue({
				code: 'custom',
				path: ['minCacheableTokens'],
				message: 'a model with prompt caching needs minCacheableTokens (0 if the provider publishes none)',
			});
		if ((model.status === 'deprecated' || model.status === 'retired') && !model.retiresOn)
			ctx.addIssue({
				code: 'custom',
				path: ['retiresOn'],
				message: `a ${model.status} model needs retiresOn, the day requests to it fail`,
			});
		if ((model.status === 'deprecated' || model.status === 'retired') && !model.successor)
			ctx.addIssue({
				code: 'custom',
				path: ['successor'],
				message: `a ${model.status} model needs a successor, so old links can be re-priced`,
			});
		if (model.deprecatedOn && model.retiresOn && model.deprecatedOn > model.retiresOn)
			ctx.addIssue({
				code: 'custom',
				path: ['retiresOn'],
				message: 'retiresOn is before deprecatedOn: swap them or fix the year',
			});
	});

/** A tokenizer family, and how many more tokens it counts than another for the same text. */
const TokenizerSchema = z.strictObject({
	id: z.string().regex(/^[a-z0-9.-]+$/, 'tokenizer id must be lower case, e.g. claude-4-7'),
	name: z.string().min(2).describe('e.g. "Tokenizer of Claude Opus 4.7 and later"'),
	comparedTo: z.string().optional().describe('Id of the tokenizer the factor compares against'),
	factor: z
		.number()
		.positive()
		.optional()
		.describe('Tokens this one counts per token of comparedTo for the same text, e.g. 1.3'),
	note: z
		.string()
		.describe('What the provider says, in our words, e.g. "about 30% more tokens (1.0 to 1.35×)"'),
	source: z.url(),
});

/** Per-million-token prices and lifecycles for one provider's models (content/pricing/llm-<provider>.yaml). */
export const LlmPriceSheetSchema = z
	.strictObject({
		kind: z.literal('llm'),
		...provenance,
		caching: z
			.strictObject({
				hitRefreshes: z
					.boolean()
					.describe(
						'true when reading a cache entry restarts its lifetime for free, so writes recur only after idle gaps',
					),
				note: z
					.string()
					.describe('The rule in our words, e.g. "a hit refreshes the 5-minute cache at no cost"'),
				source: z.url(),
			})
			.optional()
			.describe('How prompt caching works at this provider; leave out if none of its models cache'),
		batch: z
			.strictObject({
				discountPct: z.number().gt(0).lt(100).describe('Batch API discount on standard prices, e.g. 50'),
				cacheDiscount: z.boolean().describe('Whether the discount applies to cache reads and writes too'),
				note: z.string().optional(),
				source: z.url(),
			})
			.optional()
			.describe('The Batch API offer; leave out where the provider has no batch discount'),
		tokenizers: z.array(TokenizerSchema).default([]),
		models: z.array(LlmModelSchema).min(1),
	})
	.superRefine((sheet, ctx) => {
		const tokenizers = new Set(sheet.tokenizers.map((tokenizer) => tokenizer.id));
		sheet.models.forEach((model, index) => {
			if (model.tokenizer && !tokenizers.has(model.tokenizer))
				ctx.addIssue({
					code: 'custom',
					path: ['models', index, 'tokenizer'],
					message: `unknown tokenizer "${model.tokenizer}"; list it under tokenizers: ${[...tokenizers].join(', ') || '(none)'}`,
				});
			if (model.prices.cacheRead !== undefined && !sheet.caching)
				ctx.addIssue({
					code: 'custom',
					path: ['caching'],
					message: `${model.id} has cache prices, so the sheet needs caching: { hitRefreshes, note, source }`,
				});
		});
		const ids = sheet.models.map((model) => model.id);
		ids.forEach((id, index) => {
			if (ids.indexOf(id) !== index)
				ctx.addIssue({
					code: 'custom',
					path: ['models', index, 'id'],
					message: `model id ${id} appears twice`,
				});
		});
	});

export type LlmPriceSheet = z.infer<typeof LlmPriceSheetSchema>;
export type LlmModel = z.infer<typeof LlmModelSchema>;
export type LlmPrices = z.infer<typeof LlmPricesSchema>;
export type LlmPriceBand = z.infer<typeof LongContextSchema>;
export type ModelStatus = (typeof MODEL_STATUSES)[number];
