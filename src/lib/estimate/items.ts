// A stack estimate: the calculator scenarios a visitor added, each with the option it prices
// (e.g. Cloudflare rather than AWS). It lives in the URL as repeated `item` parameters, so a link
// shares it and a plain form adds to it; the browser also remembers it. Shipped to the tray
// island, so this module stays free of the calculators themselves.

/** One scenario of one calculator, as the URL carries it. */
export interface EstimateItem {
	/** Calculator slug, e.g. "hosting". */
	calculator: string;
	/** The option priced, e.g. "cloudflare"; the calculator lists its options. */
	option: string;
	/** The calculator's query string, e.g. "requests=5000000&responseKb=40". */
	query: string;
}

/** Caps that keep a shared link, a stored inquiry and a CRM note a sensible size. */
export const ESTIMATE_LIMITS = {
	items: 12,
	/** Characters of one item as it appears in the URL, before percent-encoding. */
	itemChars: 1200,
	/** Characters of the whole estimate as a query string. */
	totalChars: 8000,
} as const;

/** The URL parameter each item travels in. */
export const ITEM_PARAM = 'item';

const SLUG = /^[a-z0-9-]{1,40}$/;

/** @example itemText({ calculator: 'hosting', option: 'cloudflare', query: 'requests=5' }) // => 'hosting:cloudflare:requests=5' */
export const itemText = (item: EstimateItem): string => `${item.calculator}:${item.option}:${item.query}`;

/** Reads one `item` parameter; a string when it is malformed, saying what is wrong. */
export function readItem(text: string): EstimateItem | string {
	if (text.length > ESTIMATE_LIMITS.itemChars)
		return `is longer than ${ESTIMATE_LIMITS.itemChars.toLocaleString('en-US')} characters`;
	const [calculator = '', option = '', ...rest] = text.split(':');
	if (!SLUG.test(calculator)) return 'must start with a calculator name, e.g. hosting:cloudflare:…';
	if (!SLUG.test(option)) return 'must name an option after the calculator, e.g. hosting:cloudflare:…';
	return { calculator, option, query: rest.join(':') };
}

/** Items as a query string, e.g. "item=hosting%3Acloudflare%3A…&item=…". */
export function estimateQuery(items: readonly EstimateItem[]): string {
	const params = new URLSearchParams();
	for (const item of items) params.append(ITEM_PARAM, itemText(item));
	return params.toString();
}

/** An estimate read from a URL or a form: its items in order, and a message per malformed one. */
export interface ReadEstimate {
	items: EstimateItem[];
	/** e.g. ["item 3 must name an option after the calculator, …"]. */
	errors: string[];
}

/** Reads every `item` parameter, keeping the good ones and naming each bad one by position. */
export function readEstimate(params: URLSearchParams): ReadEstimate {
	const texts = params.getAll(ITEM_PARAM);
	const errors: string[] = [];
	if (texts.length > ESTIMATE_LIMITS.items)
		errors.push(
			`item: an estimate holds at most ${ESTIMATE_LIMITS.items} items; the ${texts.length - ESTIMATE_LIMITS.items} after that were left out`,
		);
	const items: EstimateItem[] = [];
	texts.slice(0, ESTIMATE_LIMITS.items).forEach((text, index) => {
		const read = readItem(text);
		if (typeof read === 'string') errors.push(`item ${index + 1} ${read}`);
		else items.push(read);
	});
	return { items, errors };
}

/** An estimate sent as one text value (a form field or JSON), e.g. the contact form's `estimate`. */
export function readEstimateText(text: string): ReadEstimate {
	if (text.length > ESTIMATE_LIMITS.totalChars)
		return {
			items: [],
			errors: [`is longer than ${ESTIMATE_LIMITS.totalChars.toLocaleString('en-US')} characters`],
		};
	return readEstimate(new URLSearchParams(text));
}
