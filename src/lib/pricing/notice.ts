/** Why a price needs a second look, in words a visitor can act on. */
export interface PriceNotice {
	code:
		| 'retired'
		| 'deprecated'
		| 'price-change'
		| 'no-caching'
		| 'below-cache-minimum'
		| 'no-batch'
		| 'tokenizer'
		| 'stale-sheet';
	message: string;
	/** The input the notice is about, e.g. "cachedPrefixPct", shown next to that field. */
	field?: string;
	/** For a retired or deprecated model: the id of the model to price instead. */
	successor?: string;
}
