// The amber "prices under review" notice on pages that use a price sheet with open drift.
// Pages are built ahead of time, so a page only marks where the notice goes and which sheets it
// uses (`reviewMarker`); the Worker fills the mark in as the page is served, from one small
// record per sheet that the price watch keeps current (`ReviewNotice`).

import { escapeHtml } from '../format/html';
import { formatDate, toIsoDate } from '../format/date';

/** The attribute that marks where the notice goes, holding the page's sheet ids. */
export const REVIEW_MARK_ATTRIBUTE = 'data-price-review';

/** What a page needs to say about one sheet under review. */
export interface ReviewNotice {
	sheetId: string;
	/** The provider and sheet name, as readers know them. */
	label: string;
	/** The provider's pricing page. */
	source: string;
	/** When the oldest open difference was found (ms). */
	foundAt: number;
}

const SHEET_ID = /^[a-z0-9-]{1,64}$/;
/** More sheets than any page uses; a longer list in a mark is cut here. */
const MAX_SHEETS = 30;

/**
 * The sheet ids in a page's mark: known shapes only, each once.
 * @example sheetsInMark('aws-lambda  aws-s3 aws-lambda <x>') // => ['aws-lambda', 'aws-s3']
 */
export function sheetsInMark(value: string | null): string[] {
	const ids = (value ?? '').split(/\s+/).filter((id) => SHEET_ID.test(id));
	return [...new Set(ids)].slice(0, MAX_SHEETS);
}

/**
 * The stored record back from its JSON, or null when there is none or it is not one.
 * @example readReviewNotice('{"sheetId":"aws-s3","label":"AWS S3","source":"https://aws.amazon.com/s3/pricing/","foundAt":0}')?.label // => 'AWS S3'
 */
export function readReviewNotice(text: string | null): ReviewNotice | null {
	if (!text) return null;
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return null;
	}
	if (typeof value !== 'object' || value === null) return null;
	const { sheetId, label, source, foundAt } = value as Record<string, unknown>;
	const valid =
		typeof sheetId === 'string' &&
		typeof label === 'string' &&
		typeof source === 'string' &&
		/^https:\/\//.test(source) &&
		typeof foundAt === 'number' &&
		Number.isFinite(foundAt);
	return valid ? { sheetId, label, source, foundAt } : null;
}

/**
 * The notice for the sheets under review, oldest finding first; '' when there are none.
 * @example reviewNoticeHtml([]) // => ''
 */
export function reviewNoticeHtml(notices: readonly ReviewNotice[]): string {
	if (notices.length === 0) return '';
	const items = [...notices]
		.sort((a, b) => a.foundAt - b.foundAt || a.label.localeCompare(b.label))
		.map((notice) => {
			const found = new Date(notice.foundAt);
			return `<li><a href="${escapeHtml(notice.source)}">${escapeHtml(notice.label)}</a>: difference found <time datetime="${toIsoDate(found)}">${formatDate(found)}</time></li>`;
		});
	return (
		'<div class="price-review" role="note"><p><strong>Prices under review.</strong> ' +
		'Our daily check found that a provider now lists a price or model differently from a sheet this page ' +
		'uses. Figures from it may be out of date until we have checked the change:</p>' +
		`<ul>${items.join('')}</ul></div>`
	);
}
