import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareSheet, sheetStatus, watchedUrls, type WatchState } from '~/lib/price-watch/check';
import { GITHUB_API } from '~/lib/price-watch/docs-commits';
import { UpstreamShapeError } from '~/lib/price-watch/model-datasets';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const fixture = (name: string) =>
	readFileSync(new URL(`../../../mocks/upstreams/${name}`, import.meta.url), 'utf8');
const catalog = loadPriceCatalog();
const sheets = [...catalog.metered, ...catalog.llm, ...catalog.database];
const sheet = (id: string) => sheets.find((candidate) => candidate.id === id)!;
const TODAY = '2026-11-30';

describe('watchedUrls', () => {
	it('lists every file a sheet is read from, another offer file and each docs path included', () => {
		expect(watchedUrls(sheet('aws-s3'), GITHUB_API)).toHaveLength(2);
		expect(watchedUrls(sheet('cloudflare-kv'), 'http://127.0.0.1:4490/upstreams/github')).toEqual([
			'http://127.0.0.1:4490/upstreams/github/repos/cloudflare/cloudflare-docs/commits?path=src%2Fcontent%2Fdocs%2Fkv%2Fplatform%2Fpricing.mdx&per_page=1',
			'http://127.0.0.1:4490/upstreams/github/repos/cloudflare/cloudflare-docs/commits?path=src%2Fcontent%2Fpartials%2Fworkers%2Fkv_pricing.mdx&per_page=1',
		]);
		expect(watchedUrls(sheet('database-planetscale-postgres'), GITHUB_API)).toEqual([]);
	});
});

describe('compareSheet', () => {
	it('finds the Claude Sonnet 5 price the recorded dataset still schedules, and covers what it lists', () => {
		const anthropic = sheet('llm-anthropic');
		const url = watchedUrls(anthropic, GITHUB_API)[0]!;
		const result = compareSheet(anthropic, new Map([[url, fixture('genai-prices.json')]]), GITHUB_API, TODAY);
		expect(result.differences).toContainEqual({
			kind: 'price',
			item: 'claude-sonnet-5',
			field: 'input',
			ours: '2',
			theirs: '3',
			upstreamUrl: url,
		});
		expect(result.listed).toBeLessThan(result.watched);
	});

	it('agrees with AWS on Lambda', () => {
		const lambda = sheet('aws-lambda');
		const url = watchedUrls(lambda, GITHUB_API)[0]!;
		const result = compareSheet(
			lambda,
			new Map([[url, fixture('aws-lambda-us-east-1.json')]]),
			GITHUB_API,
			TODAY,
		);
		expect(result).toMatchObject({
			differences: [],
			listed: 4,
			publishedAt: new Date('2026-08-31T09:23:18Z'),
		});
	});

	it('reports a pricing page changed after the sheet’s asOf as a source to review', () => {
		const workers = sheet('cloudflare-workers');
		const url = watchedUrls(workers, GITHUB_API)[0]!;
		const unchanged = compareSheet(
			workers,
			new Map([[url, fixture('github-commits.json')]]),
			GITHUB_API,
			TODAY,
		);
		expect(unchanged.differences).toEqual([]);
		const changed = fixture('github-commits.json').replace('2026-07-07T16:00:00Z', '2026-12-02T09:00:00Z');
		expect(compareSheet(workers, new Map([[url, changed]]), GITHUB_API, TODAY).differences).toEqual([
			expect.objectContaining({ kind: 'source', ours: '2026-11-30', theirs: '2026-12-02 0000000' }),
		]);
	});

	it('fails on a truncated answer rather than comparing nothing', () => {
		const openai = sheet('llm-openai');
		const url = watchedUrls(openai, GITHUB_API)[0]!;
		const cut = fixture('genai-prices.json').slice(0, 5_000);
		expect(() => compareSheet(openai, new Map([[url, cut]]), GITHUB_API, TODAY)).toThrow(UpstreamShapeError);
	});
});

describe('sheetStatus', () => {
	const now = new Date('2026-11-30T12:00:00Z');
	const checked: WatchState = {
		checkedAt: now.getTime(),
		error: null,
		upstreamAsOf: now.getTime(),
		openPrice: 0,
		openSource: 0,
	};

	it('is unchecked before the first check, and failing when the last could not read', () => {
		expect(sheetStatus(sheet('llm-openai'), null, now)).toBe('unchecked');
		expect(sheetStatus(sheet('llm-openai'), { ...checked, error: 'answered 503' }, now)).toBe('failing');
	});

	it('is drift while a price difference is open, source-changed for a page to review, else ok', () => {
		expect(sheetStatus(sheet('llm-openai'), { ...checked, openPrice: 2 }, now)).toBe('drift');
		expect(sheetStatus(sheet('cloudflare-kv'), { ...checked, openSource: 1 }, now)).toBe('source-changed');
		expect(sheetStatus(sheet('llm-openai'), checked, now)).toBe('ok');
	});

	it('is stale when the upstream’s data is older than the watch allows', () => {
		const old = { ...checked, upstreamAsOf: Date.parse('2026-08-21T00:00:00Z') };
		expect(sheetStatus(sheet('llm-openai'), old, now)).toBe('stale');
	});

	it('follows the review interval for a manual sheet', () => {
		const planetscale = sheet('database-planetscale-postgres');
		expect(sheetStatus(planetscale, null, now)).toBe('ok');
		expect(sheetStatus(planetscale, null, new Date('2027-06-01'))).toBe('stale');
	});
});
