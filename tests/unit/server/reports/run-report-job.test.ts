import { describe, expect, it } from 'vitest';
import type { FullReportRow } from '~/lib/calculators/define';
import { defaultsOf } from '~/lib/calculators/fields';
import { HOSTING_FIELDS } from '~/lib/calculators/hosting/fields';
import { parseAppConfig } from '~/lib/config/app-config';
import { REPORT_LEVELS } from '~/lib/reports/full-report';
import type { JobRecord, JobsRepo } from '~/server/db/jobs-repo';
import type { StoredReport } from '~/server/db/reports-repo';
import { runReportJob, type RunReportDeps } from '~/server/reports/run-report-job';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';
import { VALID_VARS } from '../../fakes/config';

const config = parseAppConfig({
	...VALID_VARS,
	JOB_MAX_ATTEMPTS: '3',
	RETRY_BASE_SECONDS: '1',
	RETRY_MAX_SECONDS: '2',
	OUTBOUND_TIMEOUT_MS: '1000',
	JOB_LEASE_SECONDS: '60',
	MIN_SUBMIT_SECONDS: '1',
});

/** One report job in memory, with a switch that makes a chosen step's write fail (a worker dying there). */
function setup() {
	const job: JobRecord = {
		id: 'job_r',
		kind: 'report.build',
		subjectId: 'rpt_1',
		state: 'queued',
		attempt: 0,
		maxAttempts: 3,
		nextRetryAt: null,
		lastError: null,
		errorCode: null,
		input: { calculator: 'hosting', values: defaultsOf(HOSTING_FIELDS), pageUrl: 'https://x/tools/hosting' },
		progressStep: null,
		stepsDone: 0,
		stepsTotal: REPORT_LEVELS.length,
		result: null,
		deadlineAt: null,
		createdAt: 0,
		updatedAt: 0,
		traceparent: null,
		requestId: null,
	};
	const steps = new Map<number, FullReportRow[]>();
	const stepWrites: number[] = [];
	const reports: StoredReport[] = [];
	const progress: number[] = [];
	const crash = { atStep: -1 };
	const jobs = {
		claim: async () => {
			if (job.state !== 'queued' && job.state !== 'retrying') return null;
			Object.assign(job, { state: 'running', attempt: job.attempt + 1 });
			return { ...job };
		},
		recordProgress: async (_id: string, done: number) => void progress.push(done),
		settle: async (_id: string, _attempt: number, to: JobRecord['state'], _now: number, details = {}) =>
			void Object.assign(job, { state: to, ...details }),
	} as unknown as JobsRepo;
	const deps: RunReportDeps = {
		jobs,
		reports: {
			listSteps: async () => new Map(steps),
			saveStep: async (_id, step, rows) => {
				if (step === crash.atStep) {
					crash.atStep = -1;
					throw new Error('worker restarted');
				}
				stepWrites.push(step);
				if (!steps.has(step)) steps.set(step, rows);
			},
			save: async (report) => {
				if (!reports.some((r) => r.jobId === report.jobId)) reports.push(report);
			},
		},
		catalog: async () => loadPriceCatalog(),
		deadLetterQueue: { send: async () => undefined },
		deadLetters: { insert: async () => undefined },
		config,
		now: () => 1_000,
		random: () => 0.5,
		log: () => undefined,
	};
	return { job, deps, steps, stepWrites, reports, progress, crash };
}

describe('runReportJob', () => {
	it('prices every step in order, records progress after each, and stores one report', async () => {
		const { job, deps, reports, progress } = setup();
		expect(await runReportJob('job_r', deps)).toEqual({ action: 'ack' });
		expect(progress).toEqual(REPORT_LEVELS.map((_, index) => index + 1));
		expect(job.state).toBe('succeeded');
		expect(job.result).toEqual({
			html: '/reports/job_r',
			markdown: '/reports/job_r.md',
			csv: '/reports/job_r.csv',
		});
		expect(reports).toHaveLength(1);
		expect(reports[0]?.csv.split('\r\n')[0]).toBe('Traffic,Requests a month,Provider,Products,USD a month');
	});

	it('resumes after a failure mid-way from the first missing step, with one report', async () => {
		const { job, deps, stepWrites, reports, crash } = setup();
		crash.atStep = 4;
		const first = await runReportJob('job_r', deps);
		expect(first).toMatchObject({ action: 'retry' });
		expect(job.state).toBe('retrying');
		expect(stepWrites).toEqual([0, 1, 2, 3]);

		expect(await runReportJob('job_r', deps)).toEqual({ action: 'ack' });
		expect(stepWrites).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]); // steps 0-3 were not priced again
		expect(job.state).toBe('succeeded');
		expect(reports).toHaveLength(1);
	});

	it('does nothing for a duplicate message once the job is finished', async () => {
		const { deps, reports } = setup();
		await runReportJob('job_r', deps);
		expect(await runReportJob('job_r', deps)).toEqual({ action: 'ack' });
		expect(reports).toHaveLength(1);
	});
});

describe('runReportJob with input it cannot read', () => {
	it('fails the job for the operator instead of pricing another calculator', async () => {
		const { job, deps, reports } = setup();
		job.input = { calculator: 'nope', values: {}, pageUrl: 'https://x/tools/nope' };
		expect(await runReportJob('job_r', deps)).toEqual({ action: 'ack' });
		expect(job.state).toBe('failed');
		expect(reports).toHaveLength(0);
	});
});
