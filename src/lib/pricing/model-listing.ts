import type { LlmSheet } from './catalog.ts';
import { isoDay } from './catalog.ts';
import { pricingOn, statusOn } from './llm.ts';
import { reviewBy } from './staleness.ts';

/**
 * The public listing of the models (GET /api/price/models): each with its provider, today's
 * status and prices, the dates and successor of its lifecycle, and the sheet it comes from.
 */
export function describeModels(sheets: readonly LlmSheet[], today: string, defaultModel: string) {
	return sheets.flatMap((sheet) =>
		sheet.models.map((model) => {
			const pricing = pricingOn(model, today);
			return {
				id: model.id,
				apiId: model.apiId ?? model.id,
				name: model.name,
				provider: sheet.provider,
				released: model.released,
				status: statusOn(model, today),
				deprecatedOn: model.deprecatedOn ?? null,
				retiresOn: model.retiresOn ?? null,
				successor: model.successor ?? null,
				...(model.id === defaultModel ? { default: true } : {}),
				contextWindow: model.contextWindow,
				prices: pricing.prices,
				longContext: pricing.longContext,
				scheduled: model.scheduled.filter((change) => change.from > today),
				minCacheableTokens: model.minCacheableTokens ?? null,
				batchDiscountPct: model.batch && sheet.batch ? sheet.batch.discountPct : null,
				tokenizer: sheet.tokenizers.find((tokenizer) => tokenizer.id === model.tokenizer) ?? null,
				sources: model.sources,
				secondary: model.secondary ?? null,
				priceSheet: {
					id: sheet.id,
					asOf: isoDay(sheet.asOf),
					reviewBy: reviewBy(sheet),
					source: sheet.source,
				},
			};
		}),
	);
}
