import { reportToCsv, reportToMarkdown } from '~/lib/calculators/report';
import { nextJobState } from '~/lib/jobs/job-state';
import {
	composeFullReport,
	priceReportStep,
	reportStepLabels,
	type ReportScenario,
	type ReportSheets,
} from '~/lib/reports/full-report';
import type { JobsRepo } from './db/jobs-repo';
import type { ReportsRepo } from './db/reports-repo';
import { recordFailure, type JobVerdict, type OutcomeDeps } from './job-outcome';

export interface RunReportDeps extends OutcomeDeps {
	jobs: JobsRepo;
	reports: Pick<ReportsRepo, 'listSteps' | 'saveStep' | 'save'>;
	sheets: () => Promise<ReportSheets>;
}

/** What a report job's input holds (written by POST /api/reports). */
export interface ReportJobInput extends ReportScenario {
	/** The calculator page with the same inputs, linked from the report. */
	pageUrl: string;
}

/** Where a finished report can be read and downloaded; the job's `result`. */
export const reportLinks = (jobId: string) => ({
	html: `/reports/${jobId}`,
	markdown: `/reports/${jobId}.md`,
	csv: `/reports/${jobId}.csv`,
});

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
	try {
		const input = job.input as ReportJobInput;
		const sheets = await deps.sheets();
		const labels = reportStepLabels();
		const done = await deps.reports.listSteps(job.id);
		if (done.size > 0) deps.log({ level: 'info', msg: 'report resumed', jobId, stepsDone: done.size });
		for (const [step, label] of labels.entries()) {
			if (done.has(step)) continue;
			const rows = priceReportStep(input, step, sheets);
			await deps.reports.saveStep(job.id, step, rows, deps.now());
			done.set(step, rows);
			await deps.jobs.recordProgress(job.id, done.size, label, deps.now());
		}
		const ordered = labels.map((_, step) => done.get(step) ?? []);
		const report = composeFullReport(input, ordered, sheets, input.pageUrl);
		await deps.reports.save({
			jobId: job.id,
			calculator: input.calculator,
			title: report.title,
			report,
			markdown: reportToMarkdown(report),
			csv: reportToCsv(report),
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
