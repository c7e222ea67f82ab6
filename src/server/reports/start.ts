import { HttpError } from '~/lib/http/http-error';
import { toQueryString } from '~/lib/calculators/fields';
import { findReportSubject, REPORT_SUBJECTS } from '~/lib/reports/subjects';
import type { PriceCatalog } from '~/lib/pricing/catalog';
import { REPORT_LEVELS } from '~/lib/reports/full-report';
import type { JobsRepo } from '../db/jobs-repo';
import type { ReportsRepo } from '../db/reports-repo';
import { enqueueRecordedJobs, type JobQueue } from '../jobs/enqueue';
import { JOB_ID } from '../jobs/resource';
import type { ReportJobInput } from './run-report-job';

export type ReportRequest =
	{ ok: true; input: ReportJobInput } | { ok: false; field: string; message: string; calculator?: string };

/**
 * Checks a report request: a known calculator and valid values for its fields (missing ones take
 * their defaults, as on the calculator page). `get` reads a field as text, from a form or JSON.
 */
export function readReportRequest(
	calculator: string | null,
	get: (name: string) => string | null,
	catalog: PriceCatalog,
	origin: string,
): ReportRequest {
	const known = findReportSubject(calculator);
	if (!known)
		return {
			ok: false,
			field: 'calculator',
			message: `calculator must be one of ${Object.keys(REPORT_SUBJECTS).join(', ')}.`,
		};
	const state = known.read(catalog, get);
	const [field, message] = Object.entries(state.errors)[0] ?? [];
	if (field) return { ok: false, field, message: `${field}: ${message}`, calculator: known.slug };
	return {
		ok: true,
		input: {
			calculator: known.slug,
			values: state.values,
			pageUrl: `${origin}${known.path}?${known.pageQuery?.(state.values) ?? toQueryString(state.values)}`,
		},
	};
}

/**
 * Records a `report.build` job and sends it to the queue. The row is written first, so a failed
 * send loses nothing: the cron sends jobs that stay queued.
 */
export async function startReport(
	input: ReportJobInput,
	deps: {
		jobs: Pick<JobsRepo, 'insert'>;
		queue: JobQueue;
		newId: (prefix: string) => string;
		maxAttempts: number;
		now: number;
		log: (line: Record<string, unknown>) => void;
	},
): Promise<string> {
	const jobId = deps.newId('job');
	await deps.jobs.insert({
		id: jobId,
		kind: 'report.build',
		subjectId: deps.newId('rpt'),
		maxAttempts: deps.maxAttempts,
		input,
		stepsTotal: REPORT_LEVELS.length,
		now: deps.now,
	});
	await enqueueRecordedJobs(deps.queue, [{ kind: 'report.build', jobId }], deps.log);
	return jobId;
}

/** The download formats of a finished report. */
const DOWNLOADS = {
	md: { field: 'markdown', type: 'text/markdown; charset=utf-8' },
	csv: { field: 'csv', type: 'text/csv; charset=utf-8' },
} as const;

/** A finished report as a file. @throws HttpError 404 when there is none (yet) under that id. */
export async function reportDownload(
	repo: Pick<ReportsRepo, 'find'>,
	id: string,
	format: keyof typeof DOWNLOADS,
): Promise<Response> {
	const report = JOB_ID.test(id) ? await repo.find(id) : null;
	if (!report)
		throw new HttpError(404, 'not_found', 'No finished report with this id; it may still be building.', {
			field: 'id',
		});
	const { field, type } = DOWNLOADS[format];
	return new Response(report[field], {
		headers: {
			'content-type': type,
			'content-disposition': `attachment; filename="loadbearing-${report.calculator}-report.${format}"`,
			// A finished report never changes.
			'cache-control': 'private, max-age=86400, immutable',
		},
	});
}
