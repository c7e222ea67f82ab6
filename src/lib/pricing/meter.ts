import { formatNumber, roundUsd, type LineItem } from './line-item.ts';
import type { Meter } from './price-sheet-schema.ts';

/** "first 10,240", "10,240–51,200" or "over 51,200" (in billing units). */
function describeBand(start: number, end: number): string {
	if (start === 0) return `first ${formatNumber(end)}`;
	return Number.isFinite(end) ? `${formatNumber(start)}–${formatNumber(end)}` : `over ${formatNumber(start)}`;
}

/**
 * Prices one meter: takes away included usage (always) and free-tier usage (when switched on),
 * converts to billing units, rounds up where the provider does, and spreads the rest over the
 * price bands. Returns one line item per band used, or a single zero line when nothing is billable.
 * @example priceMeter(workersRequests, 15_000_000, { freeTier: true })[0].usd // => 1.5 (5 million over the 10 million included, at $0.30)
 */
export function priceMeter(meter: Meter, usage: number, options: { freeTier: boolean }): LineItem[] {
	const allowance = meter.included + (options.freeTier ? meter.free : 0);
	const exactUnits = Math.max(0, usage - allowance) / meter.unitSize;
	const units = meter.roundUp ? Math.ceil(roundUsd(exactUnits)) : exactUnits;
	const billable =
		`(${formatNumber(usage)}` +
		(allowance > 0
			? ` − ${formatNumber(allowance)} ${options.freeTier && meter.free > 0 ? 'included and free' : 'included'}`
			: '') +
		`)${meter.unitSize === 1 ? '' : ` ÷ ${formatNumber(meter.unitSize)}`}` +
		(meter.roundUp ? ', rounded up' : '') +
		` = ${formatNumber(roundUsd(units))} ${meter.unit}`;

	const banded = meter.tiers.length > 1;
	const items: LineItem[] = [];
	let start = 0;
	for (const [index, tier] of meter.tiers.entries()) {
		const end = tier.upTo ?? Number.POSITIVE_INFINITY;
		const inBand = Math.max(0, Math.min(units, end) - start);
		if (inBand > 0 || (index === 0 && units === 0)) {
			items.push({
				id: banded ? `${meter.id}-${index + 1}` : meter.id,
				label: banded ? `${meter.label}, ${describeBand(start, end)} ${meter.unit}` : meter.label,
				quantity: roundUsd(inBand),
				unit: meter.unit,
				unitPriceUsd: tier.usd,
				usd: roundUsd(inBand * tier.usd),
				formula: banded
					? `${billable}; ${formatNumber(roundUsd(inBand))} in this band × $${formatNumber(tier.usd)}`
					: `${billable} × $${formatNumber(tier.usd)}`,
			});
		}
		start = end;
	}
	return items;
}
