// Local stand-ins for the price watch's upstreams: the model datasets, an AWS offer file and
// GitHub's commit list, served from recorded shapes (tests/mocks/upstreams/README.md) with the
// HTTP behaviour the watch relies on (ETag and Last-Modified, 304 to a matching conditional
// request) and faults to inject: 429 with Retry-After, 503, slow answers, truncated JSON, an old
// Last-Modified, or a changed value (drift).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { rdsOfferCsv } from './aws-rds-offer.ts';
import { decideFault, NO_FAULTS, type FaultSettings } from './faults.ts';

const OFFERS = '/pricing.us-east-1.amazonaws.com/offers/v1.0/aws';
/** The stand-in for AmazonRDS: over the 20 MB a whole answer may hold, so it must be streamed. */
export const RDS_OFFER_BYTES = 24_000_000;

/**
 * Each upstream: its fixture, and where it is served: /upstreams/<host>/<path>, so the price
 * watch reaches it by prefixing the real URL (PRICE_UPSTREAM_PROXY, src/lib/price-watch/check.ts).
 */
export const UPSTREAMS = {
	'genai-prices': {
		file: 'genai-prices.json',
		path: '/raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json',
	},
	'models-dev': { file: 'models-dev.json', path: '/models.dev/api.json' },
	'aws-lambda': {
		file: 'aws-lambda-us-east-1.json',
		path: `${OFFERS}/AWSLambda/current/us-east-1/index.json`,
	},
	'aws-s3': { file: 'aws-s3-us-east-1.json', path: `${OFFERS}/AmazonS3/current/us-east-1/index.json` },
	'aws-data-transfer': {
		file: 'aws-data-transfer-us-east-1.json',
		path: `${OFFERS}/AWSDataTransfer/current/us-east-1/index.json`,
	},
	'aws-cloudfront': {
		file: 'aws-cloudfront-aws-other.json',
		path: `${OFFERS}/AmazonCloudFront/current/aws-other/index.json`,
	},
	'aws-api-gateway': {
		file: 'aws-api-gateway-us-east-1.json',
		path: `${OFFERS}/AmazonApiGateway/current/us-east-1/index.json`,
	},
	// Generated (aws-rds-offer.ts), as a recorded copy would be tens of megabytes.
	'aws-rds': { file: null, path: `${OFFERS}/AmazonRDS/current/us-east-1/index.csv` },
	// Any repository's and any path's commits.
	github: { file: 'github-commits.json', path: '/api.github.com/repos/:owner/:repo/commits' },
} as const;
export type UpstreamName = keyof typeof UPSTREAMS;

/** What can be done to one upstream's answers, beyond the shared faults. */
export interface UpstreamSettings extends FaultSettings {
	/** Answer with the first half of the body only, as a cut connection would leave it. */
	truncate: boolean;
	/** The Last-Modified to send (an old one makes the data stale). */
	lastModified: string;
	/** Text replacements applied to the fixture, e.g. a price changed upstream. */
	replace: [from: string, to: string][];
	/** Seconds a 429 asks the client to wait. */
	retryAfterSeconds: number;
}

export interface UpstreamCall {
	upstream: UpstreamName;
	url: string;
	status: number;
	ifNoneMatch: string | null;
	at: number;
}

const FIXTURE_DIR = new URL('./upstreams/', import.meta.url);
const fixtures = new Map<UpstreamName, string>();
/** An upstream's body before any change, read (or generated) when first asked for. */
function fixture(name: UpstreamName): string {
	let text = fixtures.get(name);
	if (text === undefined) {
		const { file } = UPSTREAMS[name];
		text = file === null ? rdsOfferCsv(RDS_OFFER_BYTES) : readFileSync(new URL(file, FIXTURE_DIR), 'utf8');
		fixtures.set(name, text);
	}
	return text;
}

/** Every upstream answering normally, last modified now. */
export function freshUpstreamSettings(): Record<UpstreamName, UpstreamSettings> {
	const normal = (): UpstreamSettings => ({
		...NO_FAULTS,
		truncate: false,
		lastModified: new Date().toUTCString(),
		replace: [],
		retryAfterSeconds: 2,
	});
	return Object.fromEntries(
		(Object.keys(UPSTREAMS) as UpstreamName[]).map((name) => [name, normal()]),
	) as Record<UpstreamName, UpstreamSettings>;
}

const routes = (Object.keys(UPSTREAMS) as UpstreamName[]).map((name) => ({
	name,
	pattern: new RegExp(`^/upstreams${UPSTREAMS[name].path.replace(/:\w+/g, '[^/]+')}$`),
}));
const upstreamAt = (path: string): UpstreamName | undefined =>
	routes.find(({ pattern }) => pattern.test(path))?.name;

/**
 * Answers GET /upstreams/… when `path` is one of ours (returns false otherwise), recording the call.
 */
export async function handleUpstream(
	path: string,
	request: IncomingMessage,
	response: ServerResponse,
	settings: Record<UpstreamName, UpstreamSettings>,
	calls: UpstreamCall[],
): Promise<boolean> {
	const upstream = upstreamAt(path);
	if (!upstream || request.method !== 'GET') return false;
	const current = settings[upstream];
	const ifNoneMatch =
		typeof request.headers['if-none-match'] === 'string' ? request.headers['if-none-match'] : null;
	const answer = (status: number, headers: Record<string, string>, body = '') => {
		calls.push({ upstream, url: request.url ?? path, status, ifNoneMatch, at: Date.now() });
		response.writeHead(status, headers);
		response.end(body);
	};

	const decision = decideFault(current, Date.now(), Math.random);
	settings[upstream] = { ...current, ...decision.faults };
	if (current.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, current.latencyMs));
	if (decision.status !== 200)
		return (
			answer(
				decision.status,
				{
					'content-type': 'application/json',
					...(decision.status === 429 ? { 'retry-after': String(current.retryAfterSeconds) } : {}),
				},
				JSON.stringify({ error: 'injected fault' }),
			),
			true
		);

	const body = current.replace.reduce((text, [from, to]) => text.split(from).join(to), fixture(upstream));
	// A file published again (a new Last-Modified) has a new ETag, as on a real server.
	const etag = `"${createHash('sha256').update(body).update(current.lastModified).digest('hex').slice(0, 16)}"`;
	const headers = { etag, 'last-modified': current.lastModified, 'cache-control': 'max-age=300' };
	// A cut-off answer is a 200 whose body stops short, whatever the client already has.
	if (ifNoneMatch === etag && !current.truncate) return (answer(304, headers), true);
	const sent = current.truncate ? body.slice(0, Math.floor(body.length / 2)) : body;
	const type = UPSTREAMS[upstream].path.endsWith('.csv') ? 'text/csv' : 'application/json';
	answer(200, { ...headers, 'content-type': `${type}; charset=utf-8` }, sent);
	return true;
}
