import { itemText, readEstimate } from '../estimate/items.ts';
import type { PriceCatalog } from '../pricing/catalog.ts';
import type { Calculator } from './define.ts';
import { readFields, type Field, type FieldValues } from './fields.ts';
import { valuesForPreset } from './presets.ts';

/** What a calculator's island starts from: its fields, price data and values. Plain data (props). */
export interface CalculatorStart<V extends FieldValues, D> {
	fields: Field[];
	data: D;
	/** Valid values (defaults where the source was wrong). */
	initial: V;
	errors: Partial<Record<string, string>>;
	/** What the visitor typed into fields that were invalid, so the form shows it back. */
	typed: Partial<Record<string, string>>;
}

/** A calculator's start from a URL's query string (its page, a shared link). */
export function startFromUrl<V extends FieldValues, D>(
	calculator: Calculator<V, D>,
	catalog: PriceCatalog,
	params: URLSearchParams,
): CalculatorStart<V, D> {
	const fields = [...calculator.fields(catalog)];
	const state = readFields<V>(fields, (name) => params.get(name));
	const typed: Partial<Record<string, string>> = {};
	for (const name of Object.keys(state.errors)) typed[name] = params.get(name) ?? '';
	return { fields, data: calculator.data(catalog), initial: state.values, errors: state.errors, typed };
}

/**
 * A calculator's start from one of its presets (or its defaults), for an embed in a guide.
 * @throws Error naming the known presets, so a typo in a guide fails the build.
 */
export function startFromPreset<V extends FieldValues, D>(
	calculator: Calculator<V, D>,
	catalog: PriceCatalog,
	presetId: string | undefined,
): CalculatorStart<V, D> {
	const fields = [...calculator.fields(catalog)];
	const initial = valuesForPreset<V>(fields, calculator.presets, presetId);
	return { fields, data: calculator.data(catalog), initial, errors: {}, typed: {} };
}

/** What a calculator view knows: the prices, and a URL's query string or a preset to start from. */
export interface StartSource {
	catalog: PriceCatalog;
	params?: URLSearchParams | undefined;
	preset?: string | undefined;
}

/**
 * Everything a calculator island takes as props: its start, its slug, its page, and the stack
 * estimate the URL carries (so a submit without JavaScript keeps it).
 */
export function islandProps<V extends FieldValues, D>(calculator: Calculator<V, D>, source: StartSource) {
	const start = source.params
		? startFromUrl(calculator, source.catalog, source.params)
		: startFromPreset(calculator, source.catalog, source.preset);
	const estimate = source.params ? readEstimate(source.params).items.map(itemText) : [];
	return { ...start, slug: calculator.slug, path: calculator.path, estimate };
}
