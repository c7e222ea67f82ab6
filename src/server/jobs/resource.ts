import { toHex } from '~/lib/bytes/to-hex';
import { etagMatches, pollAfterSeconds, toPublicJob } from '~/lib/jobs/public-job';
import type { JobRecord } from '../db/jobs-repo';

/** Job ids as minted by newId('job'): a prefix and 128 random bits, so they cannot be guessed. */
export const JOB_ID = /^job_[0-9a-f]{32}$/;

async function etagOf(body: string): Promise<string> {
	const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
	return `"${toHex(digest.slice(0, 12))}"`;
}

/**
 * The job resource as an HTTP answer: JSON with an ETag (a `304` when the poller already has
 * it), `no-cache` so every poll revalidates, and `Retry-After` while the job is unfinished.
 */
export async function jobResponse(
	job: JobRecord,
	ifNoneMatch: string | null,
	now: number,
): Promise<Response> {
	const body = JSON.stringify(toPublicJob(job));
	const etag = await etagOf(body);
	const pollAfter = pollAfterSeconds(job, now);
	const headers: Record<string, string> = { etag, 'cache-control': 'no-cache' };
	if (pollAfter !== undefined) headers['retry-after'] = String(pollAfter);
	if (etagMatches(ifNoneMatch, etag)) return new Response(null, { status: 304, headers });
	return new Response(body, { headers: { ...headers, 'content-type': 'application/json' } });
}
