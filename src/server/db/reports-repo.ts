import type { Report } from '~/lib/calculators/report';

/** A finished report, in every format it is offered in. */
export interface StoredReport {
	jobId: string;
	calculator: string;
	title: string;
	report: Report;
	markdown: string;
	csv: string;
	createdAt: number;
}

/** Report steps and finished reports in D1. Both writes are idempotent, so a rerun adds nothing twice. */
export function createReportsRepo(db: D1Database) {
	return {
		/** The rows of every finished step of a report job, by step number. */
		async listSteps(jobId: string): Promise<Map<number, string[][]>> {
			const { results } = await db
				.prepare('SELECT step, rows FROM report_steps WHERE job_id = ? ORDER BY step')
				.bind(jobId)
				.all<{ step: number; rows: string }>();
			return new Map(results.map((row) => [row.step, JSON.parse(row.rows) as string[][]]));
		},

		async saveStep(jobId: string, step: number, rows: string[][], now: number): Promise<void> {
			await db
				.prepare('INSERT OR IGNORE INTO report_steps (job_id, step, rows, completed_at) VALUES (?, ?, ?, ?)')
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
						report: JSON.parse(row.report) as Report,
						markdown: row.markdown,
						csv: row.csv,
						createdAt: row.created_at,
					}
				: null;
		},
	};
}

export type ReportsRepo = ReturnType<typeof createReportsRepo>;
