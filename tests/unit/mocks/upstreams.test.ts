import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { changedSince, latestCommitUrl, readLatestCommit } from '~/lib/price-watch/docs-commits';
import { diffPrices } from '~/lib/price-watch/drift';
import { parseUpstreamJson, readGenaiPrices, UpstreamShapeError } from '~/lib/price-watch/model-datasets';
import { fetchUpstream, type UpstreamFetchDeps } from '~/server/integrations/upstream-fetch';
import { startMockServices, type MockState } from '../../mocks/mock-services';

// The price watch's reading discipline against the mock upstreams, over real HTTP.
let mock: Awaited<ReturnType<typeof startMockServices>>;
beforeAll(async () => {
	mock = await startMockServices({ port: 0, crmSigningSecret: 's', emailApiKey: 'k' });
});
afterAll(() => mock.stop());
beforeEach(async () => {
	await fetch(`${mock.url}/__reset`, { method: 'POST' });
});

const slept: number[] = [];
const deps: UpstreamFetchDeps = {
	fetch: (input, init) => fetch(input, init),
	sleep: async (ms) => void slept.push(ms),
	random: () => 0.5,
	now: () => Date.now(),
	attempts: 3,
	backoff: { baseMs: 100, maxMs: 1_000 },
	maxWaitMs: 30_000,
	userAgent: 'loadbearing-price-watch/test',
};
const datasetUrl = () =>
	`${mock.url}/upstreams/raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json`;
const read = (url: string, etag: string | null = null) =>
	fetchUpstream({ url, etag, lastModified: null, maxBytes: 1_000_000, timeoutMs: 2_000 }, deps);
const control = (upstream: string, settings: object) =>
	fetch(`${mock.url}/__control/upstreams/${upstream}`, { method: 'POST', body: JSON.stringify(settings) });
const state = async () => (await (await fetch(`${mock.url}/__state`)).json()) as MockState;
const sonnet = new Map([['claude-opus-4-8', 'claude-opus-4-8']]);

describe('the mock upstreams', () => {
	it('serve a dataset with an ETag, and answer 304 when it has not changed', async () => {
		const first = await read(datasetUrl());
		if (first.kind !== 'body') throw new Error(`expected a body, got ${first.kind}`);
		expect(first.etag).toMatch(/^"[0-9a-f]{16}"$/);
		expect(await read(datasetUrl(), first.etag)).toEqual({ kind: 'not-modified', requests: 1, bytes: 0 });
	});

	it('show drift injected into a price, and change their ETag with it', async () => {
		const before = await read(datasetUrl());
		await control('genai-prices', { replace: [['"input_mtok": 5,', '"input_mtok": 4,']] });
		const after = await read(datasetUrl(), before.kind === 'body' ? before.etag : null);
		if (after.kind !== 'body') throw new Error(`expected a body, got ${after.kind}`);
		const observed = readGenaiPrices(
			parseUpstreamJson(after.text, 'genai-prices'),
			'anthropic',
			sonnet,
			'2026-11-30',
		);
		const ours = Object.entries({
			input: 5,
			output: 25,
			cacheRead: 0.5,
			cacheWrite: 6.25,
			'cacheWrite 60m': 10,
		}).map(([field, usd]) => ({ item: 'claude-opus-4-8', field, usd }));
		expect(diffPrices(ours, observed)).toEqual([
			{ item: 'claude-opus-4-8', field: 'input', ours: 5, theirs: 4 },
		]);
	});

	it('rate-limit with Retry-After, which the reader waits out before trying again', async () => {
		slept.length = 0;
		await control('models-dev', { rateLimitNext: 1, retryAfterSeconds: 7 });
		expect(await read(`${mock.url}/upstreams/models.dev/api.json`)).toMatchObject({
			kind: 'body',
			requests: 2,
		});
		expect(slept).toEqual([7_000]);
		expect((await state()).upstreamCalls.map((call) => call.status)).toEqual([429, 200]);
	});

	it('cut a body short, which reads as an error and never as empty prices', async () => {
		await control('genai-prices', { truncate: true });
		const answer = await read(datasetUrl());
		if (answer.kind !== 'body') throw new Error(`expected a body, got ${answer.kind}`);
		expect(() => parseUpstreamJson(answer.text, 'genai-prices')).toThrow(UpstreamShapeError);
	});

	it('answer GitHub’s commit list for any repository, with a date that can be moved', async () => {
		const url = latestCommitUrl(
			'cloudflare/cloudflare-docs',
			'src/content/docs/r2/pricing.mdx',
			undefined,
			`${mock.url}/upstreams/api.github.com`,
		);
		const answer = await read(url);
		if (answer.kind !== 'body') throw new Error(`expected a body, got ${answer.kind}`);
		const commit = readLatestCommit(parseUpstreamJson(answer.text, 'GitHub'), 'r2/pricing.mdx');
		expect(changedSince([commit], new Date('2026-11-30'))).toBe(false);

		await control('github', { replace: [['2026-07-07T16:00:00Z', '2026-12-02T09:00:00Z']] });
		const moved = await read(url);
		if (moved.kind !== 'body') throw new Error(`expected a body, got ${moved.kind}`);
		expect(
			changedSince([readLatestCommit(parseUpstreamJson(moved.text, 'GitHub'), 'x')], new Date('2026-11-30')),
		).toBe(true);
	});
});
