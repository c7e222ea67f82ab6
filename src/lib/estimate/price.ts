// Prices a stack estimate from today's catalog: every item goes back through its calculator, so
// a shared link shows current prices, never numbers frozen in the URL.
import type { EstimateOption } from '../calculators/define.ts';
import { findCalculator } from '../calculators/registry.ts';
import type { PriceCatalog } from '../pricing/catalog.ts';
import { estimateQuery, readEstimateText, type EstimateItem, type ReadEstimate } from './items.ts';

/** One item with its calculator's verdict: the options it could be and the one it is. */
export interface PricedItem {
	/** Its place in the estimate, from 1. */
	position: number;
	item: EstimateItem;
	calculator: { slug: string; title: string; path: string };
	kind: 'spend' | 'risk';
	/** The scenario in a few words. */
	scenario: string;
	options: EstimateOption[];
	chosen: EstimateOption;
	/** The calculator page with this scenario. */
	href: string;
}

export interface ProviderTotal {
	provider: string;
	usd: number;
}

export interface PricedEstimate {
	items: PricedItem[];
	/** One message per item that could not be priced, naming it, e.g. "item 2 names no calculator …". */
	errors: string[];
	/** The monthly bill: every 'spend' item's chosen option. */
	spendUsd: number;
	/** The same items, each on its cheapest option. */
	cheapestUsd: number;
	/** Expected monthly loss from 'risk' items (downtime), never part of the bill. */
	riskUsd: number;
	/** The bill split by who is paid, largest first. */
	byProvider: ProviderTotal[];
	/** The estimate's own query string, e.g. for links and the contact form. */
	query: string;
}

const cents = (usd: number) => Math.round(usd * 100) / 100;

/** Prices one item, or says why it cannot be priced. */
function priceItem(
	item: EstimateItem,
	position: number,
	catalog: PriceCatalog,
	level: number,
): PricedItem | string {
	const calculator = findCalculator(item.calculator);
	if (!calculator) return `item ${position} names no calculator "${item.calculator}"`;
	const params = new URLSearchParams(item.query);
	const state = calculator.read(catalog, (name) => params.get(name));
	const [field, problem] = Object.entries(state.errors)[0] ?? [];
	if (field) return `item ${position} (${calculator.title}): ${field} ${problem}`;
	const options = calculator.estimate.options(state.values, catalog, level);
	// In a full report an option can stop fitting at high traffic: the cheapest that fits stands in.
	const fallback = level === 1 ? undefined : options[0];
	const chosen =
		options.find((option) => option.id === item.option) ??
		(fallback && { ...fallback, label: `${fallback.label} (${item.option} does not fit at this traffic)` });
	if (!chosen)
		return `item ${position} (${calculator.title}): option "${item.option}" is not one of ${options.map((option) => option.id).join(', ')}`;
	return {
		position,
		item,
		calculator: { slug: calculator.slug, title: calculator.title, path: calculator.path },
		kind: calculator.estimate.kind,
		scenario: calculator.estimate.scenario(state.values, catalog),
		options,
		chosen,
		href: `${calculator.path}?${item.query}`,
	};
}

/**
 * Prices every item of an estimate at `level` times its traffic (1 for the estimate itself,
 * more for a full report). Items that cannot be priced are named in `errors`; the rest still count.
 */
export function priceEstimate(read: ReadEstimate, catalog: PriceCatalog, level = 1): PricedEstimate {
	const items: PricedItem[] = [];
	const errors = [...read.errors];
	read.items.forEach((item, index) => {
		const priced = priceItem(item, index + 1, catalog, level);
		if (typeof priced === 'string') errors.push(priced);
		else items.push(priced);
	});
	const spend = items.filter((item) => item.kind === 'spend');
	const byProvider = new Map<string, number>();
	for (const item of spend)
		byProvider.set(item.chosen.provider, (byProvider.get(item.chosen.provider) ?? 0) + item.chosen.usd);
	const sum = (values: number[]) => cents(values.reduce((total, value) => total + value, 0));
	return {
		items,
		errors,
		spendUsd: sum(spend.map((item) => item.chosen.usd)),
		cheapestUsd: sum(spend.map((item) => Math.min(...item.options.map((option) => option.usd)))),
		riskUsd: sum(items.filter((item) => item.kind === 'risk').map((item) => item.chosen.usd)),
		byProvider: [...byProvider]
			.map(([provider, usd]) => ({ provider, usd: cents(usd) }))
			.sort((a, b) => b.usd - a.usd),
		query: estimateQuery(items.map((item) => item.item)),
	};
}

/**
 * Checks an estimate sent as text (the contact form's `estimate`): its canonical query string
 * when every item prices, else what is wrong, naming the item.
 */
export function checkEstimate(text: string, catalog: PriceCatalog): { query: string } | { error: string } {
	const priced = priceEstimate(readEstimateText(text), catalog);
	if (priced.errors.length > 0) return { error: `The estimate could not be read: ${priced.errors[0]}.` };
	if (priced.items.length === 0) return { error: 'The estimate holds no items.' };
	return { query: priced.query };
}
