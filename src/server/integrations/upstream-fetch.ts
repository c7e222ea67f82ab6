// Reading an external data source the way our guides say to: a timeout per attempt, retries with
// jittered backoff that never come sooner than the server's Retry-After, conditional requests
// (an unchanged upstream costs one small 304), and a byte cap enforced while the body streams.
import { rateLimitResetMs, retryAfterMs, retryWaitMs } from '~/lib/http/retry-after';
import type { BackoffPolicy } from '~/lib/jobs/backoff';

export interface UpstreamRequest {
	url: string;
	/** The upstream's own host, as reasons name it (`url` may be a proxy's). */
	host?: string;
	/** Validators from the last answer we kept, sent so an unchanged upstream answers 304. */
	etag: string | null;
	lastModified: string | null;
	maxBytes: number;
	timeoutMs: number;
	/**
	 * For a file too large to hold (the RDS offer file): reads the text as it streams and returns
	 * the little the check needs, which then stands for the body. What it throws fails the read.
	 */
	digest?: (chunks: AsyncIterable<string>) => Promise<string>;
}

export interface UpstreamFetchDeps {
	fetch: typeof fetch;
	sleep: (ms: number) => Promise<void>;
	random: () => number;
	now: () => number;
	/** Attempts in all (the first included), how they are spaced, and the longest wait worth making here. */
	attempts: number;
	backoff: BackoffPolicy;
	maxWaitMs: number;
	userAgent: string;
}

/** What reading an upstream came to; `requests` and `bytes` count every attempt, for the run's cost. */
export type UpstreamAnswer = { requests: number; bytes: number } & (
	| { kind: 'not-modified' }
	| { kind: 'body'; text: string; etag: string | null; lastModified: string | null }
	/** `retryAfterMs`: the upstream asked for a wait longer than is worth making in this run. */
	| { kind: 'failed'; reason: string; retryAfterMs: number | null }
);

/** Statuses worth another attempt: rate limited, or the server (or a proxy) failing for now. */
const RETRYABLE = new Set([408, 425, 429, 500, 502, 503, 504]);

class TooLarge extends Error {
	constructor(
		readonly bytes: number,
		maxBytes: number,
	) {
		super(`over the ${maxBytes}-byte cap`);
	}
}

/** The digest of an answer read whole: all of its text. */
async function wholeText(chunks: AsyncIterable<string>): Promise<string> {
	let text = '';
	for await (const chunk of chunks) text += chunk;
	return text;
}

/** What a digest threw: the file is not what it should be, so reading it again now will not help. */
class DigestFailed extends Error {
	constructor(
		message: string,
		readonly bytes: number,
	) {
		super(message);
	}
}

/**
 * The body as UTF-8 text, passed through `digest` as it streams (whole, by default), and
 * cancelled as soon as it passes `maxBytes`; returns the bytes read too.
 */
async function readDigested(
	response: Response,
	maxBytes: number,
	digest: (chunks: AsyncIterable<string>) => Promise<string>,
): Promise<{ text: string; bytes: number }> {
	let bytes = 0;
	let streamError: unknown = null;
	async function* chunks(): AsyncGenerator<string> {
		if (!response.body) return;
		const reader = response.body.getReader();
		const decoder = new TextDecoder('utf-8', { fatal: true });
		for (;;) {
			let next: ReadableStreamReadResult<Uint8Array>;
			try {
				next = await reader.read();
			} catch (error) {
				streamError = error;
				throw error;
			}
			if (next.done) break;
			bytes += next.value.byteLength;
			if (bytes > maxBytes) {
				await reader.cancel();
				throw (streamError = new TooLarge(bytes, maxBytes));
			}
			yield decoder.decode(next.value, { stream: true });
		}
		yield decoder.decode();
	}
	try {
		return { text: await digest(chunks()), bytes };
	} catch (error) {
		// A broken connection is worth another attempt; a file the digest cannot read is not.
		if (streamError !== null) throw streamError;
		throw new DigestFailed(error instanceof Error ? error.message : String(error), bytes);
	}
}

/**
 * Reads `request.url`, retrying what is worth retrying. Never throws: every outcome, a refusal
 * or a timeout included, is an answer the price watch records.
 */
export async function fetchUpstream(
	request: UpstreamRequest,
	deps: UpstreamFetchDeps,
): Promise<UpstreamAnswer> {
	const host = request.host ?? new URL(request.url).host;
	const headers: Record<string, string> = {
		'user-agent': deps.userAgent,
		accept: 'application/json, text/csv;q=0.9, */*;q=0.1',
	};
	if (request.etag) headers['if-none-match'] = request.etag;
	if (request.lastModified) headers['if-modified-since'] = request.lastModified;

	let requests = 0;
	let bytes = 0;
	let reason = 'not tried';
	for (let attempt = 1; attempt <= deps.attempts; attempt++) {
		let serverAskedMs: number | null = null;
		requests++;
		try {
			const response = await deps.fetch(request.url, {
				headers,
				redirect: 'follow',
				signal: AbortSignal.timeout(request.timeoutMs),
			});
			if (response.status === 304) {
				await response.body?.cancel();
				return { kind: 'not-modified', requests, bytes };
			}
			if (response.ok) {
				const body = await readDigested(response, request.maxBytes, request.digest ?? wholeText);
				bytes += body.bytes;
				return {
					kind: 'body',
					text: body.text,
					etag: response.headers.get('etag'),
					lastModified: response.headers.get('last-modified'),
					requests,
					bytes,
				};
			}
			await response.body?.cancel();
			// GitHub answers a used-up rate limit with a 403 (or 429) and says when it resets.
			const resetMs = rateLimitResetMs(
				response.headers.get('x-ratelimit-remaining'),
				response.headers.get('x-ratelimit-reset'),
				deps.now(),
			);
			reason =
				resetMs === null
					? `${host} answered ${response.status}`
					: `${host} answered ${response.status}: its rate limit is used up for ${Math.ceil(resetMs / 1000)} s`;
			if (!RETRYABLE.has(response.status) && resetMs === null)
				return { kind: 'failed', reason, retryAfterMs: null, requests, bytes };
			serverAskedMs =
				retryAfterMs(response.headers.get('retry-after'), deps.now(), Number.POSITIVE_INFINITY) ?? resetMs;
		} catch (error) {
			if (error instanceof TooLarge)
				return {
					kind: 'failed',
					reason: `${host}: ${error.message}`,
					retryAfterMs: null,
					requests,
					bytes: bytes + error.bytes,
				};
			if (error instanceof DigestFailed)
				return {
					kind: 'failed',
					reason: error.message,
					retryAfterMs: null,
					requests,
					bytes: bytes + error.bytes,
				};
			const timedOut =
				error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
			reason = timedOut
				? `no answer from ${host} within ${request.timeoutMs} ms`
				: `${host} unreachable: ${String(error)}`;
		}
		if (attempt === deps.attempts) break;
		const waitMs = retryWaitMs(attempt, serverAskedMs, deps.backoff, deps.random);
		// A wait this long is the queue's job (a delayed retry), not this run's.
		if (waitMs > deps.maxWaitMs) return { kind: 'failed', reason, retryAfterMs: waitMs, requests, bytes };
		await deps.sleep(waitMs);
	}
	return { kind: 'failed', reason, retryAfterMs: null, requests, bytes };
}
