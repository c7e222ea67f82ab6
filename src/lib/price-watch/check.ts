// One sheet's check, without the I/O: which URLs it reads, and what the answers say against the
// sheet. The job (src/server/prices/run-price-watch-job.ts) fetches and records.
import type { DatabaseSheet, LlmSheet, MeteredSheet } from '../pricing/catalog.ts';
import { databaseMeters, digestDatabaseOffer, readDatabaseDigest } from './aws-database.ts';
import { meteredWatchedPrices, readAwsOffer } from './aws-offer.ts';
import { changedSince, latestCommitUrl, readLatestCommit } from './docs-commits.ts';
import { diffPrices, judgeCheck, lifecycleChanges, type Observation, type WatchStatus } from './drift.ts';
import { llmLifecycles, llmWatchedPrices, upstreamModelIds } from './llm-prices.ts';
import { parseUpstreamJson, readGenaiPrices, readModelsDev, UpstreamShapeError } from './model-datasets.ts';

export type WatchedSheet = MeteredSheet | LlmSheet | DatabaseSheet;

/** A difference as the check reports it; values are text, '' where a side has none. */
export interface Difference {
	kind: 'price' | 'lifecycle' | 'source';
	item: string;
	field: string;
	ours: string;
	theirs: string;
	upstreamUrl: string;
}

export interface SheetComparison {
	differences: Difference[];
	/** Items the sheet has, and how many of them the upstream lists. */
	watched: number;
	listed: number;
	/** When the upstream's data last changed, where the data says (AWS publication date, a commit). */
	publishedAt: Date | null;
}

/**
 * Where a request for `url` goes: the upstream itself, or `proxy`/host/path when a proxy is set
 * (the local mock services answer there).
 * @example throughProxy('https://models.dev/api.json', 'http://127.0.0.1:4490/upstreams') // => 'http://127.0.0.1:4490/upstreams/models.dev/api.json'
 */
export function throughProxy(url: string, proxy: string | undefined): string {
	if (!proxy) return url;
	const { host, pathname, search } = new URL(url);
	return `${proxy.replace(/\/$/, '')}/${host}${pathname}${search}`;
}

/** The URLs a sheet's check reads, in order; none for a manual watch. */
export function watchedUrls(sheet: WatchedSheet, githubApi: string): string[] {
	const { watch } = sheet;
	switch (watch.kind) {
		case 'genai-prices':
		case 'models-dev':
			return [watch.url];
		case 'aws-price-list':
			return [...new Set([watch.url, ...watch.prices.flatMap((price) => (price.url ? [price.url] : []))])];
		case 'docs-commits':
			return watch.paths.map((path) => latestCommitUrl(watch.repo, path, watch.branch, githubApi));
		case 'manual':
			return [];
	}
}

/**
 * How to read `url` when its file is too large to hold (the AmazonRDS offer file of a database
 * sheet): a digest of it, made as it streams, which `compareSheet` then takes as its answer.
 */
export function streamedDigest(
	sheet: WatchedSheet,
	url: string,
): ((chunks: AsyncIterable<string>) => Promise<string>) | undefined {
	const { watch } = sheet;
	if (sheet.kind !== 'database' || watch.kind !== 'aws-price-list' || url !== watch.url) return undefined;
	return (chunks) => digestDatabaseOffer(chunks, sheet, watch.match);
}

const money = (usd: number | null) => (usd === null ? '' : String(usd));

function priceDifferences(
	ours: Parameters<typeof diffPrices>[0],
	observation: Observation,
	upstreamUrl: string,
): Difference[] {
	return diffPrices(ours, observation).map((difference) => ({
		kind: 'price',
		item: difference.item,
		field: difference.field,
		ours: money(difference.ours),
		theirs: money(difference.theirs),
		upstreamUrl,
	}));
}

/**
 * Compares the answers (text by URL, as `watchedUrls` listed them) with the sheet on `today`.
 * @throws UpstreamShapeError when an answer is not what the upstream should send.
 */
export function compareSheet(
	sheet: WatchedSheet,
	bodies: ReadonlyMap<string, string>,
	githubApi: string,
	today: string,
): SheetComparison {
	const comparison = compareWith(sheet, bodies, githubApi, today);
	// Nothing found to compare is nothing checked: never report it as agreeing.
	if (comparison.watched > 0 && comparison.listed === 0)
		throw new UpstreamShapeError(
			`the upstream lists none of the ${comparison.watched} items this sheet has (renamed, or the wrong file?)`,
		);
	return comparison;
}

function compareWith(
	sheet: WatchedSheet,
	bodies: ReadonlyMap<string, string>,
	githubApi: string,
	today: string,
): SheetComparison {
	const { watch } = sheet;
	const body = (url: string) => {
		const text = bodies.get(url);
		if (text === undefined) throw new UpstreamShapeError(`no answer from ${url}`);
		return text;
	};
	switch (watch.kind) {
		case 'genai-prices':
		case 'models-dev': {
			if (sheet.kind !== 'llm') throw new UpstreamShapeError(`${watch.kind} watches model sheets only`);
			const json = parseUpstreamJson(body(watch.url), watch.kind);
			const ids = upstreamModelIds(sheet, watch.models);
			const observation =
				watch.kind === 'genai-prices'
					? readGenaiPrices(json, watch.provider, ids, today)
					: readModelsDev(json, watch.provider, ids);
			const lifecycle = lifecycleChanges(llmLifecycles(sheet), observation).map((change): Difference => ({
				kind: 'lifecycle',
				item: change.item,
				field: 'status',
				ours: change.ours,
				theirs: change.theirs,
				upstreamUrl: watch.url,
			}));
			return {
				differences: [
					...priceDifferences(llmWatchedPrices(sheet, today), observation, watch.url),
					...lifecycle,
				],
				watched: sheet.models.length,
				listed: observation.listed.size,
				publishedAt: null,
			};
		}
		case 'aws-price-list': {
			if (sheet.kind === 'llm') throw new UpstreamShapeError('AWS offer files price no models');
			if (sheet.kind === 'database') {
				const meters = databaseMeters(sheet);
				const { observation, publishedAt } = readDatabaseDigest(body(watch.url), sheet);
				return {
					differences: priceDifferences(meters, observation, watch.url),
					watched: new Set(meters.map((meter) => meter.item)).size,
					listed: observation.listed.size,
					publishedAt,
				};
			}
			const ours = meteredWatchedPrices(sheet, watch);
			const differences: Difference[] = [];
			const listed = new Set<string>();
			let publishedAt: Date | null = null;
			for (const url of watchedUrls(sheet, githubApi)) {
				const read = readAwsOffer(parseUpstreamJson(body(url), 'AWS offer file'), watch, sheet.meters, url);
				differences.push(...priceDifferences(ours, read.observation, url));
				read.observation.listed.forEach((item) => listed.add(item));
				if (!publishedAt || read.publishedAt < publishedAt) publishedAt = read.publishedAt;
			}
			return { differences, watched: watch.prices.length, listed: listed.size, publishedAt };
		}
		case 'docs-commits': {
			const commits = watch.paths.map((path) => {
				const url = latestCommitUrl(watch.repo, path, watch.branch, githubApi);
				return { path, url, commit: readLatestCommit(parseUpstreamJson(body(url), 'GitHub'), path) };
			});
			const differences = commits
				.filter(({ commit }) => changedSince([commit], sheet.asOf))
				.map(({ path, commit }): Difference => ({
					kind: 'source',
					item: path,
					field: 'changed',
					ours: sheet.asOf.toISOString().slice(0, 10),
					theirs: `${commit.committedAt.toISOString().slice(0, 10)} ${commit.sha.slice(0, 7)}`,
					upstreamUrl: commit.url,
				}));
			const newest = Math.max(...commits.map(({ commit }) => commit.committedAt.getTime()));
			return {
				differences,
				watched: watch.paths.length,
				listed: commits.length,
				publishedAt: new Date(newest),
			};
		}
		case 'manual':
			return { differences: [], watched: 0, listed: 0, publishedAt: null };
	}
}

/** A sheet's watch as the console and metrics show it: its last check and its open differences. */
export interface WatchState {
	checkedAt: number | null;
	error: string | null;
	upstreamAsOf: number | null;
	openPrice: number;
	openSource: number;
}

/** The status of a sheet now, from its last check (none yet: `unchecked`) and what is still open. */
export function sheetStatus(
	sheet: WatchedSheet,
	state: WatchState | null,
	now: Date,
): WatchStatus | 'unchecked' {
	const { watch } = sheet;
	if (watch.kind === 'manual') {
		const due = sheet.asOf.getTime() + sheet.reviewEveryDays * 86_400_000;
		return now.getTime() > due ? 'stale' : 'ok';
	}
	if (!state || state.checkedAt === null) return 'unchecked';
	return judgeCheck({
		read: state.error === null,
		openDrift: state.openPrice,
		upstreamAsOf: state.upstreamAsOf === null ? null : new Date(state.upstreamAsOf),
		staleAfterDays: 'staleAfterDays' in watch ? watch.staleAfterDays : null,
		sourceChangedSince: state.openSource > 0,
		now,
	});
}
