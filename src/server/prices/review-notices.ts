// Keeps the "prices under review" notice of each price sheet in KV, and fills it into pages as
// they are served (src/lib/price-watch/review-notice.ts says why it is done as pages are served).
// Only differences in prices and models count: a changed pricing document ("source changed") asks
// the team to look, but does not tell readers a figure is wrong.
import {
	readReviewNotice,
	REVIEW_MARK_ATTRIBUTE,
	reviewNoticeHtml,
	sheetsInMark,
	type ReviewNotice,
} from '~/lib/price-watch/review-notice';
import type { PriceWatchRepo } from '../db/price-watch-repo';

export const reviewNoticeKey = (sheetId: string) => `price-review:${sheetId}`;

export interface ReviewNoticeDeps {
	prices: Pick<PriceWatchRepo, 'openPriceDriftSince'>;
	cache: Pick<KVNamespace, 'put' | 'delete'>;
}

/** Makes a sheet's stored notice match its open differences: kept while any is open, removed after. */
export async function publishReviewNotice(
	sheet: { id: string; provider: string; name: string; source: string },
	deps: ReviewNoticeDeps,
): Promise<void> {
	const foundAt = await deps.prices.openPriceDriftSince(sheet.id);
	if (foundAt === null) return deps.cache.delete(reviewNoticeKey(sheet.id));
	const notice: ReviewNotice = {
		sheetId: sheet.id,
		label: `${sheet.provider} ${sheet.name}`,
		source: sheet.source,
		foundAt,
	};
	await deps.cache.put(reviewNoticeKey(sheet.id), JSON.stringify(notice));
}

/**
 * An HTML page with its notice mark filled in (or removed when none of its sheets is under
 * review), as it streams. Other responses, and pages without a mark, pass through unread.
 */
export function withReviewNotices(
	response: Response,
	cache: Pick<KVNamespace, 'get'>,
	log: (line: Record<string, unknown>) => void,
): Response {
	if (!response.body || !response.headers.get('content-type')?.startsWith('text/html')) return response;
	// The notice changes without the page: a validator of the built file would keep an old notice cached.
	const page = new Response(response.body, response);
	page.headers.delete('etag');
	return new HTMLRewriter()
		.on(`[${REVIEW_MARK_ATTRIBUTE}]`, {
			async element(mark) {
				const ids = sheetsInMark(mark.getAttribute(REVIEW_MARK_ATTRIBUTE));
				let notices: ReviewNotice[] = [];
				try {
					const stored = ids.length ? await cache.get(ids.map(reviewNoticeKey), 'text') : new Map();
					notices = [...stored.values()].flatMap((text) => readReviewNotice(text) ?? []);
				} catch (error) {
					// The page is worth more than its notice: serve it, and say why the notice is missing.
					log({ level: 'warn', msg: 'price review notices not read', error: String(error) });
				}
				mark.replace(reviewNoticeHtml(notices), { html: true });
			},
		})
		.transform(page);
}
