// The visitor's stack estimate in the browser: one nanostores atom shared by the tray and every
// calculator's "Add" button on the page, remembered in localStorage between visits.
import { atom } from 'nanostores';
import { ESTIMATE_LIMITS, type EstimateItem } from '~/lib/estimate/items';

/** An item with its monthly figure as priced when it was added (the estimate page prices afresh). */
export interface TrayItem extends EstimateItem {
	usd: number;
	/** false for an expected loss (downtime), which the running total leaves out. */
	billed: boolean;
}

const STORAGE_KEY = 'loadbearing:estimate';

export const $estimate = atom<TrayItem[]>([]);
let started = false;

/** Items remembered from an earlier visit; none when storage is off, full or holds something else. */
function remembered(): TrayItem[] {
	try {
		const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
		return Array.isArray(parsed) ? (parsed as TrayItem[]).slice(0, ESTIMATE_LIMITS.items) : [];
	} catch {
		return [];
	}
}

function remember(items: TrayItem[]) {
	try {
		localStorage.setItem(STORAGE_KEY, JSON.stringify(items));
	} catch {
		// Private browsing or a full quota: the estimate still lives in the URL.
	}
}

/** Starts the store once per page: a URL's estimate (a shared link) wins over the remembered one. */
export function startEstimate(fromUrl: TrayItem[]) {
	if (started) return;
	started = true;
	if (fromUrl.length > 0) remember(fromUrl);
	$estimate.set(fromUrl.length > 0 ? fromUrl : remembered());
}

/** Adds an item (the oldest goes when the estimate is full) and remembers the result. */
export function addToEstimate(item: TrayItem): TrayItem[] {
	// An "Add" clicked before the tray woke still adds to the remembered estimate, not to nothing.
	startEstimate([]);
	const next = [...$estimate.get(), item].slice(-ESTIMATE_LIMITS.items);
	$estimate.set(next);
	remember(next);
	return next;
}

/** Forgets the estimate, e.g. after "Start over" on the estimate page. */
export function clearEstimate() {
	started = true;
	$estimate.set([]);
	remember([]);
}
