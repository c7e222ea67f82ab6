import type { Difference } from '~/lib/price-watch/check';
import type { SqlCondition } from './rate-limits-repo';

// The price watch's records in D1 (migrations/0008_price_watch.sql): each sheet's last check and
// the differences found. A sheet's status is worked out when read (src/lib/price-watch/drift.ts).

export interface DriftRecord extends Difference {
	id: string;
	sheetId: string;
	foundAt: number;
	lastSeenAt: number;
	resolvedAt: number | null;
	acknowledgedAt: number | null;
	acknowledgedBy: string | null;
	notifiedAt: number | null;
}

/** What an upstream's last answer carried, and when its content (by hash) was first seen. */
export interface UpstreamValidators {
	etag: string | null;
	lastModified: string | null;
	hash: string;
	seenAt: number;
}

/** How a check went; `error` is null when the upstream was read. */
export interface SheetCheck {
	sheetId: string;
	checkedAt: number;
	upstreamUrl: string;
	upstreamAsOf: number | null;
	/** Per URL, what the last answer carried (for the next conditional request) and since when its content is unchanged. */
	validators: Record<string, UpstreamValidators>;
	watched: number;
	listed: number;
	error: string | null;
	requests: number;
	bytes: number;
	durationMs: number;
	jobId: string | null;
}

/** A sheet's last check with its open differences counted, for the console, metrics and notices. */
export interface SheetWatchRow extends SheetCheck {
	openPrice: number;
	openSource: number;
	/** When the oldest open difference was found. */
	openSince: number | null;
}

interface CheckRow {
	sheet_id: string;
	checked_at: number;
	upstream_url: string;
	upstream_as_of: number | null;
	validators: string | null;
	watched: number;
	listed: number;
	error: string | null;
	requests: number;
	bytes: number;
	duration_ms: number;
	job_id: string | null;
	open_price: number;
	open_source: number;
	open_since: number | null;
}

interface DriftRow {
	id: string;
	sheet_id: string;
	kind: Difference['kind'];
	item: string;
	field: string;
	ours: string;
	theirs: string;
	upstream_url: string;
	found_at: number;
	last_seen_at: number;
	resolved_at: number | null;
	acknowledged_at: number | null;
	acknowledged_by: string | null;
	notified_at: number | null;
}

const toDrift = (row: DriftRow): DriftRecord => ({
	id: row.id,
	sheetId: row.sheet_id,
	kind: row.kind,
	item: row.item,
	field: row.field,
	ours: row.ours,
	theirs: row.theirs,
	upstreamUrl: row.upstream_url,
	foundAt: row.found_at,
	lastSeenAt: row.last_seen_at,
	resolvedAt: row.resolved_at,
	acknowledgedAt: row.acknowledged_at,
	acknowledgedBy: row.acknowledged_by,
	notifiedAt: row.notified_at,
});

const OPEN = 'resolved_at IS NULL AND acknowledged_at IS NULL';

export function createPriceWatchRepo(db: D1Database) {
	const upsertCheck = (check: SheetCheck) =>
		db
			.prepare(
				`INSERT INTO price_sheet_checks (sheet_id, checked_at, upstream_url, upstream_as_of, validators, watched, listed, error, requests, bytes, duration_ms, job_id)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				 ON CONFLICT (sheet_id) DO UPDATE SET checked_at = excluded.checked_at, upstream_url = excluded.upstream_url,
				   upstream_as_of = excluded.upstream_as_of, validators = excluded.validators, watched = excluded.watched,
				   listed = excluded.listed, error = excluded.error, requests = excluded.requests, bytes = excluded.bytes,
				   duration_ms = excluded.duration_ms, job_id = excluded.job_id`,
			)
			.bind(
				check.sheetId,
				check.checkedAt,
				check.upstreamUrl,
				check.upstreamAsOf,
				JSON.stringify(check.validators),
				check.watched,
				check.listed,
				check.error,
				check.requests,
				check.bytes,
				check.durationMs,
				check.jobId,
			);

	return {
		/**
		 * Records a check that read its upstream, in one transaction: each difference found is
		 * added (or, seen before, marked seen again and open again), earlier ones not seen this
		 * time are resolved, and the check replaces the last. Returns the differences nobody has
		 * been told of yet and that are still open, to notify once.
		 */
		async recordCheck(
			check: SheetCheck,
			differences: readonly Difference[],
			newId: () => string,
		): Promise<DriftRecord[]> {
			const now = check.checkedAt;
			const results = await db.batch<DriftRow>([
				...differences.map((difference) =>
					db
						.prepare(
							`INSERT INTO price_drift (id, sheet_id, kind, item, field, ours, theirs, upstream_url, found_at, last_seen_at)
							 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
							 ON CONFLICT (sheet_id, kind, item, field, ours, theirs)
							 DO UPDATE SET last_seen_at = excluded.last_seen_at, resolved_at = NULL, upstream_url = excluded.upstream_url`,
						)
						.bind(
							newId(),
							check.sheetId,
							difference.kind,
							difference.item,
							difference.field,
							difference.ours,
							difference.theirs,
							difference.upstreamUrl,
							now,
							now,
						),
				),
				db
					.prepare(
						'UPDATE price_drift SET resolved_at = ? WHERE sheet_id = ? AND resolved_at IS NULL AND last_seen_at < ?',
					)
					.bind(now, check.sheetId, now),
				upsertCheck(check),
				db
					.prepare(
						`SELECT * FROM price_drift WHERE sheet_id = ? AND ${OPEN} AND notified_at IS NULL ORDER BY found_at, item, field`,
					)
					.bind(check.sheetId),
			]);
			return (results.at(-1)?.results ?? []).map(toDrift);
		},

		/** Records a check that could not read its upstream; the differences found before stay as they were. */
		async recordFailedCheck(check: SheetCheck): Promise<void> {
			await upsertCheck(check).run();
		},

		async markNotified(ids: readonly string[], now: number): Promise<void> {
			if (ids.length === 0) return;
			await db
				.prepare(`UPDATE price_drift SET notified_at = ? WHERE id IN (${ids.map(() => '?').join(', ')})`)
				.bind(now, ...ids)
				.run();
		},

		/** What the last check of `sheetId` kept for conditional requests; empty before the first. */
		async validators(sheetId: string): Promise<SheetCheck['validators']> {
			const row = await db
				.prepare('SELECT validators FROM price_sheet_checks WHERE sheet_id = ?')
				.bind(sheetId)
				.first<{ validators: string | null }>();
			return row?.validators ? (JSON.parse(row.validators) as SheetCheck['validators']) : {};
		},

		/** Every checked sheet with its open differences counted. */
		async sheets(): Promise<SheetWatchRow[]> {
			const { results } = await db
				.prepare(
					`SELECT c.*,
					   (SELECT count(*) FROM price_drift d WHERE d.sheet_id = c.sheet_id AND d.kind != 'source' AND d.${OPEN}) AS open_price,
					   (SELECT count(*) FROM price_drift d WHERE d.sheet_id = c.sheet_id AND d.kind = 'source' AND d.${OPEN}) AS open_source,
					   (SELECT min(found_at) FROM price_drift d WHERE d.sheet_id = c.sheet_id AND d.${OPEN}) AS open_since
					 FROM price_sheet_checks c ORDER BY c.sheet_id`,
				)
				.all<CheckRow>();
			return results.map((row) => ({
				sheetId: row.sheet_id,
				checkedAt: row.checked_at,
				upstreamUrl: row.upstream_url,
				upstreamAsOf: row.upstream_as_of,
				validators: row.validators ? (JSON.parse(row.validators) as SheetCheck['validators']) : {},
				watched: row.watched,
				listed: row.listed,
				error: row.error,
				requests: row.requests,
				bytes: row.bytes,
				durationMs: row.duration_ms,
				jobId: row.job_id,
				openPrice: row.open_price,
				openSource: row.open_source,
				openSince: row.open_since,
			}));
		},

		/** When the oldest open price or model difference of `sheetId` was found; null when none is open. */
		async openPriceDriftSince(sheetId: string): Promise<number | null> {
			const row = await db
				.prepare(
					`SELECT min(found_at) AS since FROM price_drift WHERE sheet_id = ? AND kind != 'source' AND ${OPEN}`,
				)
				.bind(sheetId)
				.first<{ since: number | null }>();
			return row?.since ?? null;
		},

		/** Differences, open ones first, newest first within each; one sheet's, or all. */
		async drift(sheetId: string | null, limit = 500): Promise<DriftRecord[]> {
			const { results } = await db
				.prepare(
					`SELECT * FROM price_drift WHERE (?1 IS NULL OR sheet_id = ?1)
					 ORDER BY (${OPEN}) DESC, found_at DESC, item, field LIMIT ?2`,
				)
				.bind(sheetId, limit)
				.all<DriftRow>();
			return results.map(toDrift);
		},

		/** Holds once `actor` has acknowledged difference `id` at `now` (to audit only what happened). */
		acknowledged(id: string, actor: string, now: number): SqlCondition {
			return {
				sql: 'EXISTS (SELECT 1 FROM price_drift WHERE id = ? AND acknowledged_by = ? AND acknowledged_at = ?)',
				params: [id, actor, now],
			};
		},

		/** The statement that acknowledges an open difference as `actor`; it returns the row when it did. */
		acknowledgeStatement(id: string, actor: string, now: number): D1PreparedStatement {
			return db
				.prepare(
					`UPDATE price_drift SET acknowledged_at = ?, acknowledged_by = ? WHERE id = ? AND ${OPEN} RETURNING *`,
				)
				.bind(now, actor, id);
		},
	};
}

export type PriceWatchRepo = ReturnType<typeof createPriceWatchRepo>;
