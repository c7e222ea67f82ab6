import type { FullReportRow } from '~/lib/calculators/define';
import type { ResultDocument } from '~/lib/calculators/export';
import { isReportRows } from '~/lib/reports/full-report';

/** A finished report, in every format it is offered in. */
export interface StoredReport {
	jobId: string;
	calculator: string;
	title: string;
	report: ResultDocument;
	markdown: string;
	csv: string;
	createdAt: number;
}

/** Report steps and finished reports in D1. Both writes are idempotent, so a rerun adds nothing twice. */
export function createReportsRepo(db: D1Database) {
	return {
		/**
		 * The rows of every finished step of a report job, by step number. Steps stored in an older
		 * shape are left out, so the job prices them again (and saveStep replaces them).
		 */
		async listSteps(jobId: string): Promise<Map<number, FullReportRow[]>> {
			const { results } = await db
				.prepare('SELECT step, rows FROM report_steps WHERE job_id = ? ORDER BY step')
				.bind(jobId)
				.all<{ step: number; rows: string }>();
			return new Map(
				results.flatMap((row) => {
					const rows: unknown = JSON.parse(row.rows);
					return isReportRows(rows) ? [[row.step, rows] as const] : [];
				}),
			);
		},

		async saveStep(jobId: string, step: number, rows: FullReportRow[], now: number): Promise<void> {
			// A step is priced once per job; REPLACE only overwrites a row this version could not read.
			await db
				.prepare('INSERT OR REPLACE INTO report_steps (job_id, step, rows, completed_at) VALUES (?, ?, ?, ?)')
				.bind(jobId, step, JSON.stringify(rows), now)
				.run();
		},

		/** Stores the finished report once; a second save for the same job keeps the first. */
		async save(report: StoredReport): Promise<void> {
			await db
				.prepare(
					`INSERT OR IGNORE INTO reports (job_id, calculator, title, report, markdown, csv, created_at)
					 VALUES (?, ?, ?, ?, ?, ?, ?)`,
				)
				.bind(
					report.jobId,
					report.calculator,
					report.title,
					JSON.stringify(report.report),
					report.markdown,
					report.csv,
					report.createdAt,
				)
				.run();
		},

		async find(jobId: string): Promise<StoredReport | null> {
			const row = await db.prepare('SELECT * FROM reports WHERE job_id = ?').bind(jobId).first<{
				job_id: string;
				calculator: string;
				title: string;
				report: string;
				markdown: string;
				csv: string;
				created_at: number;
			}>();
			return row
				? {
						jobId: row.job_id,
						calculator: row.calculator,
						title: row.title,
						report: JSON.parse(row.report) as ResultDocument,
						markdown: row.markdown,
						csv: row.csv,
						createdAt: row.created_at,
					}
				: null;
		},
	};
}

export type ReportsRepo = ReturnType<typeof createReportsRepo>;
