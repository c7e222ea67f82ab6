const USD = new Intl.NumberFormat('en-US', {
	style: 'currency',
	currency: 'USD',
	minimumFractionDigits: 2,
	maximumFractionDigits: 2,
});
const USD_WHOLE = new Intl.NumberFormat('en-US', {
	style: 'currency',
	currency: 'USD',
	maximumFractionDigits: 0,
});

/**
 * US dollars as readers expect them: cents below $10,000, whole dollars above.
 * @example formatUsd(8) // => '$8.00'
 * @example formatUsd(123456.7) // => '$123,457'
 */
export function formatUsd(usd: number): string {
	return Math.abs(usd) >= 10_000 ? USD_WHOLE.format(usd) : USD.format(usd);
}
