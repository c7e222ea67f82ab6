import { describe, expect, it } from 'vitest';
import {
	readReviewNotice,
	reviewNoticeHtml,
	sheetsInMark,
	type ReviewNotice,
} from '~/lib/price-watch/review-notice';

const lambda: ReviewNotice = {
	sheetId: 'aws-lambda',
	label: 'AWS Lambda (on-demand)',
	source: 'https://aws.amazon.com/lambda/pricing/',
	foundAt: Date.UTC(2026, 11, 1, 6, 41),
};

describe('sheetsInMark', () => {
	it('reads each sheet id once and ignores anything that is not one', () => {
		expect(sheetsInMark(' aws-lambda\taws-s3 aws-lambda ../x "y" ')).toEqual(['aws-lambda', 'aws-s3']);
		expect(sheetsInMark(null)).toEqual([]);
	});
});

describe('readReviewNotice', () => {
	it('reads back what the price watch stored', () => {
		expect(readReviewNotice(JSON.stringify(lambda))).toEqual(lambda);
	});

	it('treats a missing, broken or unsafe record as no notice', () => {
		expect(readReviewNotice(null)).toBeNull();
		expect(readReviewNotice('{not json')).toBeNull();
		expect(readReviewNotice(JSON.stringify({ ...lambda, foundAt: 'today' }))).toBeNull();
		expect(readReviewNotice(JSON.stringify({ ...lambda, source: 'javascript:alert(1)' }))).toBeNull();
	});
});

describe('reviewNoticeHtml', () => {
	it('is empty when no sheet is under review', () => {
		expect(reviewNoticeHtml([])).toBe('');
	});

	it('names each sheet with its source and the day its difference was found, oldest first', () => {
		const s3 = { ...lambda, sheetId: 'aws-s3', label: 'AWS S3', foundAt: Date.UTC(2026, 10, 28) };
		const html = reviewNoticeHtml([lambda, s3]);
		expect(html).toContain('Prices under review.');
		expect(html.indexOf('AWS S3')).toBeLessThan(html.indexOf('AWS Lambda'));
		expect(html).toContain(
			'<a href="https://aws.amazon.com/lambda/pricing/">AWS Lambda (on-demand)</a>: difference found <time datetime="2026-12-01">1 December 2026</time>',
		);
	});

	it('escapes what it did not write itself', () => {
		const html = reviewNoticeHtml([{ ...lambda, label: '<img src=x onerror=alert(1)>' }]);
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
	});
});
