import { formatNumber, roundUsd, type LineItem } from './line-item.ts';
import type { Meter } from './price-sheet-schema.ts';

/** "first 10,240", "10,240–51,200" or "over 51,200" (in billing units). */
function describeBand(start: number, end: number): string {
	if (start === 0) return `first ${formatNumber(end)}`;
	return Number.isFinite(end) ? `${formatNumber(start)}–${formatNumber(end)}` : `over ${formatNumber(start)}`;
}

/**
 * Prices one meter as the providers bill: included usage (always) and free-tier usage (when
 * switched on) are the first units of the month, so they use up the bottom of the first band,
 * and band edges stay on total usage (AWS's S3 FAQ: with 1 GB free, the first 10 TB band bills
 * 10,239 GB). Single-band meters may round the billable amount up to a whole unit (R2 does).
 * Returns one line item per band that bills anything, or one zero line when nothing does.
 * @example priceMeter(workersRequests, 15_000_000, { freeTier: true })[0].usd // => 1.5 (5 million over the 10 million included, at $0.30)
 */
export function priceMeter(meter: Meter, usage: number, options: { freeTier: boolean }): LineItem[] {
	const allowance = meter.included + (options.freeTier ? meter.free : 0);
	const allowanceName = options.freeTier && meter.free > 0 ? 'included and free' : 'included';
	if (meter.tiers.length === 1) return [priceFlat(meter, usage, allowance, allowanceName)];

	const total = usage / meter.unitSize;
	const covered = Math.min(total, allowance / meter.unitSize);
	const context =
		`${formatNumber(roundUsd(total))} ${meter.unit} in all` +
		(allowance > 0 ? `, the first ${formatNumber(roundUsd(covered))} ${allowanceName}` : '');
	const items: LineItem[] = [];
	let start = 0;
	for (const [index, tier] of meter.tiers.entries()) {
		const end = tier.upTo ?? Number.POSITIVE_INFINITY;
		// The part of this band above the allowance and below total usage.
		const billed = Math.max(0, Math.min(total, end) - Math.max(start, covered));
		if (billed > 0) {
			items.push({
				id: `${meter.id}-${index + 1}`,
				label: `${meter.label}, ${describeBand(start, end)} ${meter.unit}`,
				quantity: roundUsd(billed),
				unit: meter.unit,
				unitPriceUsd: tier.usd,
				usd: roundUsd(billed * tier.usd),
				formula: `${context}; ${formatNumber(roundUsd(billed))} billed in this band × $${formatNumber(tier.usd)}`,
			});
		}
		start = end;
	}
	if (items.length > 0) return items;
	const first = meter.tiers[0]!;
	return [
		{
			id: `${meter.id}-1`,
			label: `${meter.label}, ${describeBand(0, first.upTo ?? Number.POSITIVE_INFINITY)} ${meter.unit}`,
			quantity: 0,
			unit: meter.unit,
			unitPriceUsd: first.usd,
			usd: 0,
			formula: `${context}; nothing billed`,
		},
	];
}

/** A one-price meter: (usage − allowance) in billing units, rounded up where the provider does. */
function priceFlat(meter: Meter, usage: number, allowance: number, allowanceName: string): LineItem {
	const price = meter.tiers[0]!.usd;
	const exact = Math.max(0, usage - allowance) / meter.unitSize;
	const units = meter.roundUp ? Math.ceil(roundUsd(exact)) : exact;
	const billable =
		`(${formatNumber(usage)}` +
		(allowance > 0 ? ` − ${formatNumber(allowance)} ${allowanceName}` : '') +
		`)${meter.unitSize === 1 ? '' : ` ÷ ${formatNumber(meter.unitSize)}`}` +
		(meter.roundUp ? ', rounded up' : '') +
		` = ${formatNumber(roundUsd(units))} ${meter.unit}`;
	return {
		id: meter.id,
		label: meter.label,
		quantity: roundUsd(units),
		unit: meter.unit,
		unitPriceUsd: price,
		usd: roundUsd(units * price),
		formula: `${billable} × $${formatNumber(price)}`,
	};
}
