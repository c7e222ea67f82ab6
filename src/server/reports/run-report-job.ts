import { documentToCsv, documentToMarkdown } from '~/lib/calculators/export';
import type { FieldValues } from '~/lib/calculators/fields';
import { findReportSubject } from '~/lib/reports/subjects';
import { nextJobState } from '~/lib/jobs/job-state';
import type { PriceCatalog } from '~/lib/pricing/catalog';
import { composeFullReport, priceReportStep, reportStepLabels } from '~/lib/reports/full-report';
import type { JobsRepo } from '../db/jobs-repo';
import type { ReportsRepo } from '../db/reports-repo';
import { recordFailure, type JobVerdict, type OutcomeDeps } from '../jobs/outcome';

export interface RunReportDeps extends OutcomeDeps {
	jobs: JobsRepo;
	reports: Pick<ReportsRepo, 'listSteps' | 'saveStep' | 'save'>;
	/** The price sheets, quoted for the day the report is built. */
	catalog: () => Promise<PriceCatalog>;
}

/** What a report job's input holds (written by POST /api/reports). */
export interface ReportJobInput {
	/** The calculator's slug, e.g. "hosting". */
	calculator: string;
	/** Its inputs, as checked when the report was asked for. */
	values: FieldValues;
	/** The calculator page with the same inputs, linked from the report. */
	pageUrl: string;
}

/** Where a finished report can be read and downloaded; the job's `result`. */
export const reportLinks = (jobId: string) => ({
	html: `/reports/${jobId}`,
	markdown: `/reports/${jobId}.md`,
	csv: `/reports/${jobId}.csv`,
});

/** Stored input as the job recorded it; anything else (an older shape, a bad row) is refused. */
function readJobInput(input: unknown): ReportJobInput | undefined {
	if (typeof input !== 'object' || input === null) return undefined;
	const { calculator, values, pageUrl } = input as Partial<Record<keyof ReportJobInput, unknown>>;
	if (typeof calculator !== 'string' || typeof pageUrl !== 'string') return undefined;
	if (typeof values !== 'object' || values === null) return undefined;
	return { calculator, values: values as FieldValues, pageUrl };
}

/**
 * Runs one attempt of a `report.build` job. Each step's rows are stored before progress is
 * recorded, so an attempt that dies mid-way (a restart, a deploy) is resumed by the next one
 * from the first missing step; the report itself is written once per job, never twice.
 */
export async function runReportJob(jobId: string, deps: RunReportDeps): Promise<JobVerdict> {
	const started = deps.now();
	const job = await deps.jobs.claim(jobId, started, started + deps.config.jobs.leaseMs, 'Starting');
	if (!job) {
		deps.log({ level: 'info', msg: 'report job not claimable; message dropped as a duplicate', jobId });
		return { action: 'ack' };
	}
	const input = readJobInput(job.input);
	const calculator = findReportSubject(input?.calculator);
	if (!input || !calculator) {
		// No retry can fix input this version cannot read: fail it for the operator to see.
		return recordFailure(
			job,
			{
				retryable: false,
				error: `Report input names no known calculator: ${JSON.stringify(job.input)}`,
				code: 'internal',
			},
			deps,
		);
	}
	try {
		const catalog = await deps.catalog();
		// Values are checked again through the calculator's fields, as on its page.
		const { values } = calculator.read(catalog, (name) =>
			input.values[name] === undefined ? null : String(input.values[name]),
		);
		const labels = reportStepLabels();
		const done = await deps.reports.listSteps(job.id);
		if (done.size > 0) deps.log({ level: 'info', msg: 'report resumed', jobId, stepsDone: done.size });
		for (const [step, label] of labels.entries()) {
			if (done.has(step)) continue;
			const rows = priceReportStep(calculator, values, step, catalog);
			await deps.reports.saveStep(job.id, step, rows, deps.now());
			done.set(step, rows);
			await deps.jobs.recordProgress(job.id, done.size, label, deps.now());
		}
		const ordered = labels.map((_, step) => done.get(step) ?? []);
		const document = composeFullReport(calculator, values, ordered, catalog, input.pageUrl);
		await deps.reports.save({
			jobId: job.id,
			calculator: calculator.slug,
			title: document.title,
			report: document,
			markdown: documentToMarkdown(document),
			csv: documentToCsv(document),
			createdAt: deps.now(),
		});
		await deps.jobs.settle(job.id, job.attempt, nextJobState('running', 'succeed'), deps.now(), {
			result: reportLinks(job.id),
		});
		deps.log({ level: 'info', msg: 'report built', jobId, attempt: job.attempt, ms: deps.now() - started });
		return { action: 'ack' };
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return recordFailure(
			job,
			{ retryable: true, error: `Report step failed: ${detail}`, code: 'internal' },
			deps,
		);
	}
}
