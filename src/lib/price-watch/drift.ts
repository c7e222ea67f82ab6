// What the price watch compares and how it judges a sheet. Pure: the job reads the upstream,
// an extractor turns it into an Observation, and these functions say what differs.

/** One watched number: the price of one field of a model or meter, e.g. claude-opus-5 input. */
export interface WatchedPrice {
	item: string;
	field: string;
	usd: number;
}

/** A model's place in its life, as the sheet or the upstream gives it. */
export type Lifecycle = 'current' | 'legacy' | 'deprecated' | 'retired';

/** What an extractor read from an upstream, in our ids and fields. */
export interface Observation {
	/** Our items the upstream lists; the others cannot be checked there. */
	listed: ReadonlySet<string>;
	prices: readonly WatchedPrice[];
	/** Items the upstream marks as on their way out or gone (it may say nothing of the rest). */
	lifecycle: readonly { item: string; status: 'deprecated' | 'retired' }[];
}

/** A price that differs: `ours` is null when the sheet has no such price and the upstream does. */
export interface PriceDifference {
	item: string;
	field: string;
	ours: number | null;
	theirs: number;
}

export interface LifecycleChange {
	item: string;
	ours: Lifecycle;
	theirs: 'deprecated' | 'retired';
}

/** Prices are equal when they differ by less than a billionth (YAML and JSON round alike, but not always). */
const samePrice = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const key = (price: Pick<WatchedPrice, 'item' | 'field'>) => `${price.item}\u0000${price.field}`;

/**
 * The prices that differ between the sheet and the upstream, for the items the upstream lists.
 * A price only the sheet has is not a difference (datasets leave fields out); a price only the
 * upstream has is one (the sheet may be missing a cache price).
 * @example diffPrices([{ item: 'm', field: 'input', usd: 2 }], { listed: new Set(['m']), prices: [{ item: 'm', field: 'input', usd: 3 }], lifecycle: [] })
 * // => [{ item: 'm', field: 'input', ours: 2, theirs: 3 }]
 */
export function diffPrices(ours: readonly WatchedPrice[], observed: Observation): PriceDifference[] {
	const oursByKey = new Map(ours.map((price) => [key(price), price.usd]));
	const differences: PriceDifference[] = [];
	for (const theirs of observed.prices) {
		if (!observed.listed.has(theirs.item)) continue;
		const mine = oursByKey.get(key(theirs));
		if (mine === undefined) {
			if (ours.some((price) => price.item === theirs.item))
				differences.push({ item: theirs.item, field: theirs.field, ours: null, theirs: theirs.usd });
			continue;
		}
		if (!samePrice(mine, theirs.usd))
			differences.push({ item: theirs.item, field: theirs.field, ours: mine, theirs: theirs.usd });
	}
	return differences;
}

const LIFECYCLE_ORDER: Record<Lifecycle, number> = { current: 0, legacy: 1, deprecated: 2, retired: 3 };

/**
 * Models the upstream puts further along their life than the sheet does (newly deprecated or
 * retired). An upstream that says nothing is not a change: such flags are sparse.
 */
export function lifecycleChanges(
	ours: ReadonlyMap<string, Lifecycle>,
	observed: Pick<Observation, 'lifecycle'>,
): LifecycleChange[] {
	return observed.lifecycle.flatMap(({ item, status }) => {
		const mine = ours.get(item);
		return mine !== undefined && LIFECYCLE_ORDER[status] > LIFECYCLE_ORDER[mine]
			? [{ item, ours: mine, theirs: status }]
			: [];
	});
}

/** How a sheet stands after its last check, worst first. */
export const WATCH_STATUSES = ['failing', 'drift', 'stale', 'source-changed', 'ok'] as const;
export type WatchStatus = (typeof WATCH_STATUSES)[number];

export interface CheckFacts {
	/** False when the upstream could not be read or what came back was not what we expect. */
	read: boolean;
	/** Open (unacknowledged) differences and lifecycle changes. */
	openDrift: number;
	/** When the upstream's data was last changed, as far as we can tell; null when unknown. */
	upstreamAsOf: Date | null;
	staleAfterDays: number | null;
	/** For a watched document: whether it changed after the sheet's asOf. */
	sourceChangedSince: boolean;
	now: Date;
}

const DAY_MS = 86_400_000;

/**
 * The status a check gives its sheet. A failed read is `failing`, whatever came before; drift
 * found is `drift` even in old data (a person judges it); data older than its threshold is
 * `stale`, never `ok`, since "no drift" would then mean nothing.
 * @example judgeCheck({ read: true, openDrift: 0, upstreamAsOf: new Date('2026-01-01'), staleAfterDays: 30, sourceChangedSince: false, now: new Date('2026-11-30') }) // => 'stale'
 */
export function judgeCheck(facts: CheckFacts): WatchStatus {
	if (!facts.read) return 'failing';
	if (facts.openDrift > 0) return 'drift';
	if (
		facts.staleAfterDays !== null &&
		facts.upstreamAsOf !== null &&
		facts.now.getTime() - facts.upstreamAsOf.getTime() > facts.staleAfterDays * DAY_MS
	)
		return 'stale';
	if (facts.sourceChangedSince) return 'source-changed';
	return 'ok';
}
