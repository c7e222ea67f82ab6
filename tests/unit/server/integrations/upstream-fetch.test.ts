import { describe, expect, it } from 'vitest';
import { fetchUpstream, type UpstreamFetchDeps } from '~/server/integrations/upstream-fetch';

const request = {
	url: 'https://prices.example/data.json',
	etag: null,
	lastModified: null,
	maxBytes: 1_000,
	timeoutMs: 50,
};

/** A fetch that gives the answers in turn, and the deps around it; `slept` records each wait. */
function setup(answers: (Response | Error | 'hang')[]) {
	const calls: RequestInit[] = [];
	const slept: number[] = [];
	const deps: UpstreamFetchDeps = {
		fetch: async (_url, init) => {
			calls.push(init ?? {});
			const answer = answers.shift() ?? new Response('{}');
			if (answer instanceof Error) throw answer;
			if (answer === 'hang')
				return new Promise((_, reject) =>
					init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
				);
			return answer;
		},
		sleep: async (ms) => void slept.push(ms),
		random: () => 0.5,
		now: () => Date.parse('2026-11-30T12:00:00Z'),
		attempts: 3,
		backoff: { baseMs: 1_000, maxMs: 60_000 },
		maxWaitMs: 30_000,
		userAgent: 'loadbearing-price-watch/test',
	};
	return { deps, calls, slept };
}

describe('fetchUpstream', () => {
	it('returns the body with its validators, counting requests and bytes', async () => {
		const { deps, calls } = setup([
			new Response('[1,2]', { headers: { etag: '"v2"', 'last-modified': 'Mon, 30 Nov 2026 10:00:00 GMT' } }),
		]);
		expect(await fetchUpstream(request, deps)).toEqual({
			kind: 'body',
			text: '[1,2]',
			etag: '"v2"',
			lastModified: 'Mon, 30 Nov 2026 10:00:00 GMT',
			requests: 1,
			bytes: 5,
		});
		expect(new Headers(calls[0]!.headers).get('user-agent')).toBe('loadbearing-price-watch/test');
	});

	it('asks conditionally, so an unchanged upstream costs one small 304', async () => {
		const { deps, calls } = setup([new Response(null, { status: 304 })]);
		const answer = await fetchUpstream(
			{ ...request, etag: '"v1"', lastModified: 'Sun, 29 Nov 2026 10:00:00 GMT' },
			deps,
		);
		expect(answer).toEqual({ kind: 'not-modified', requests: 1, bytes: 0 });
		const sent = new Headers(calls[0]!.headers);
		expect(sent.get('if-none-match')).toBe('"v1"');
		expect(sent.get('if-modified-since')).toBe('Sun, 29 Nov 2026 10:00:00 GMT');
	});

	it('retries a 503 after a jittered backoff, and a 429 no sooner than its Retry-After', async () => {
		const { deps, slept } = setup([
			new Response('busy', { status: 503 }),
			new Response('slow down', { status: 429, headers: { 'retry-after': '20' } }),
			new Response('{}'),
		]);
		expect(await fetchUpstream(request, deps)).toMatchObject({ kind: 'body', requests: 3 });
		expect(slept).toEqual([500, 20_000]);
	});

	it('leaves a wait longer than a run should make to the queue, saying how long', async () => {
		const { deps, slept } = setup([
			new Response('later', { status: 429, headers: { 'retry-after': '3600' } }),
		]);
		expect(await fetchUpstream(request, deps)).toMatchObject({
			kind: 'failed',
			reason: 'prices.example answered 429',
			retryAfterMs: 3_600_000,
			requests: 1,
		});
		expect(slept).toEqual([]);
	});

	it('does not retry a refusal that will not change', async () => {
		const { deps } = setup([new Response('gone', { status: 404 })]);
		expect(await fetchUpstream(request, deps)).toMatchObject({
			kind: 'failed',
			reason: 'prices.example answered 404',
			requests: 1,
		});
	});

	it('gives up after its attempts, with the last reason', async () => {
		const { deps } = setup([
			new TypeError('connection reset'),
			new Response('', { status: 502 }),
			new Response('', { status: 500 }),
		]);
		expect(await fetchUpstream(request, deps)).toMatchObject({
			kind: 'failed',
			reason: 'prices.example answered 500',
			requests: 3,
		});
	});

	it("leaves GitHub's used-up rate limit alone until it resets, rather than asking again now", async () => {
		const resetAt = Date.parse('2026-11-30T12:20:00Z') / 1000;
		const { deps, calls } = setup([
			new Response('{"message":"API rate limit exceeded"}', {
				status: 403,
				headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(resetAt) },
			}),
		]);
		expect(await fetchUpstream(request, deps)).toEqual({
			kind: 'failed',
			reason: 'prices.example answered 403: its rate limit is used up for 1200 s',
			retryAfterMs: 1_200_000,
			requests: 1,
			bytes: 0,
		});
		expect(calls).toHaveLength(1);
	});

	it('does not retry a plain 403', async () => {
		const { deps, calls } = setup([new Response('forbidden', { status: 403 })]);
		expect(await fetchUpstream(request, deps)).toMatchObject({ kind: 'failed', retryAfterMs: null });
		expect(calls).toHaveLength(1);
	});

	it('times out an attempt that does not answer', async () => {
		const { deps } = setup(['hang', 'hang', 'hang']);
		expect(await fetchUpstream(request, deps)).toMatchObject({
			kind: 'failed',
			reason: 'no answer from prices.example within 50 ms',
			requests: 3,
		});
	});

	it('stops reading a body past its cap instead of holding it all', async () => {
		let pulled = 0;
		const endless = new ReadableStream<Uint8Array>({
			pull(controller) {
				pulled++;
				controller.enqueue(new Uint8Array(400));
			},
		});
		const { deps } = setup([new Response(endless)]);
		expect(await fetchUpstream(request, deps)).toMatchObject({
			kind: 'failed',
			reason: 'prices.example: over the 1000-byte cap',
			bytes: 1_200,
		});
		expect(pulled).toBeLessThan(6);
	});

	describe('with a digest, for a file too large to hold', () => {
		const countLines = async (chunks: AsyncIterable<string>) => {
			let lines = 0;
			for await (const chunk of chunks) lines += chunk.split('\n').length - 1;
			return JSON.stringify({ lines });
		};

		it('answers with what the digest kept, counting every byte it streamed', async () => {
			const { deps } = setup([new Response('a\nb\nc\n')]);
			expect(await fetchUpstream({ ...request, digest: countLines }, deps)).toMatchObject({
				kind: 'body',
				text: '{"lines":3}',
				bytes: 6,
			});
		});

		it('fails without retrying when the digest cannot read the file', async () => {
			const { deps, calls } = setup([new Response('not,an,offer,file')]);
			const refuse = async (chunks: AsyncIterable<string>) => {
				for await (const chunk of chunks)
					if (chunk) throw new Error('AWS offer file (CSV): not an offer file');
				return '';
			};
			expect(await fetchUpstream({ ...request, digest: refuse }, deps)).toMatchObject({
				kind: 'failed',
				reason: 'AWS offer file (CSV): not an offer file',
				retryAfterMs: null,
				bytes: 17,
			});
			expect(calls).toHaveLength(1);
		});

		it('keeps the byte cap while streaming', async () => {
			const endless = new ReadableStream<Uint8Array>({
				pull: (controller) => controller.enqueue(new TextEncoder().encode('x\n'.repeat(200))),
			});
			const { deps } = setup([new Response(endless)]);
			expect(await fetchUpstream({ ...request, digest: countLines }, deps)).toMatchObject({
				kind: 'failed',
				reason: 'prices.example: over the 1000-byte cap',
			});
		});
	});
});
