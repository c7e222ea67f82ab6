import type { InquiryInput } from '~/lib/inquiries/schema';
import type { InquiryJobKind } from '~/lib/queue/messages';
import type { SqlCondition } from './rate-limits-repo';
import { jobOrigin } from '../observability/trace-scope';

/** A stored inquiry; personal fields are null once redacted. */
export interface InquiryRecord {
	id: string;
	createdAt: number;
	name: string | null;
	email: string | null;
	company: string | null;
	projectType: string;
	budget: string;
	timeline: string;
	message: string | null;
	status: 'received' | 'spam';
	idempotencyKey: string | null;
	/** The attached stack estimate's query string (item=…), or null. */
	estimate: string | null;
	/** When its personal fields were removed (by age or by request), or null. */
	redactedAt: number | null;
	/** When the person asked us to erase it, or null. */
	erasedAt: number | null;
}

interface InquiryRow {
	id: string;
	created_at: number;
	name: string | null;
	email: string | null;
	company: string | null;
	project_type: string;
	budget: string;
	timeline: string;
	message: string | null;
	status: 'received' | 'spam';
	idempotency_key: string | null;
	estimate: string | null;
	redacted_at: number | null;
	erased_at: number | null;
}

const toRecord = (row: InquiryRow): InquiryRecord => ({
	id: row.id,
	createdAt: row.created_at,
	name: row.name,
	email: row.email,
	company: row.company,
	projectType: row.project_type,
	budget: row.budget,
	timeline: row.timeline,
	message: row.message,
	status: row.status,
	idempotencyKey: row.idempotency_key,
	estimate: row.estimate,
	redactedAt: row.redacted_at,
	erasedAt: row.erased_at,
});

/** An inquiry as it is first stored. */
export interface NewInquiry {
	id: string;
	createdAt: number;
	input: InquiryInput;
	status: 'received' | 'spam';
	ipHash: string | null;
	idempotencyKey: string | null;
}

/** A job created with its inquiry, in the same transaction. */
export interface NewJob {
	id: string;
	kind: InquiryJobKind;
	maxAttempts: number;
}

/** Reads and writes inquiries in D1. */
export function createInquiriesRepo(db: D1Database) {
	return {
		/**
		 * The statements that store an inquiry and its jobs, to run in one batch (one transaction)
		 * after the statements that count the request: the inquiry is inserted only while `allowed`
		 * holds (its rate limits) and no inquiry has its idempotency key yet, and the jobs only if
		 * their inquiry was inserted, so there is never one without the other. The first statement
		 * returns the new id when it stored the inquiry and nothing when it did not.
		 */
		acceptStatements(
			inquiry: NewInquiry,
			jobs: readonly NewJob[],
			allowed: SqlCondition,
		): D1PreparedStatement[] {
			const { input } = inquiry;
			const insertInquiry = db
				.prepare(
					`INSERT INTO inquiries (id, created_at, name, email, company, project_type, budget, timeline, message, status, ip_hash, idempotency_key, estimate)
					 SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${allowed.sql}
					 ON CONFLICT (idempotency_key) DO NOTHING
					 RETURNING id`,
				)
				.bind(
					inquiry.id,
					inquiry.createdAt,
					input.name,
					input.email,
					input.company ?? null,
					input.projectType,
					input.budget,
					input.timeline,
					input.message,
					inquiry.status,
					inquiry.ipHash,
					inquiry.idempotencyKey,
					input.estimate ?? null,
					...allowed.params,
				);
			if (jobs.length === 0) return [insertInquiry];
			// All the jobs in one statement; the join finds the inquiry only if it was just inserted.
			// Each remembers the request's trace, so its calls continue it (trace-scope.ts).
			const origin = jobOrigin();
			const insertJobs = db
				.prepare(
					`INSERT INTO jobs (id, kind, subject_id, state, attempt, max_attempts, created_at, updated_at, traceparent, request_id)
					 SELECT job.column1, job.column2, inquiry.id, 'queued', 0, job.column3, inquiry.created_at, inquiry.created_at, ?, ?
					 FROM (VALUES ${jobs.map(() => '(?, ?, ?)').join(', ')}) AS job
					 JOIN inquiries AS inquiry ON inquiry.id = ?`,
				)
				.bind(
					origin.traceparent,
					origin.requestId,
					...jobs.flatMap((job) => [job.id, job.kind, job.maxAttempts]),
					inquiry.id,
				);
			return [insertInquiry, insertJobs];
		},

		/** The inquiry stored under an idempotency key, if any. */
		async findByIdempotencyKey(key: string): Promise<InquiryRecord | null> {
			const row = await db
				.prepare('SELECT * FROM inquiries WHERE idempotency_key = ?')
				.bind(key)
				.first<InquiryRow>();
			return row ? toRecord(row) : null;
		},

		/**
		 * Inquiries matching `query` in name, email, company or message (all when empty), newest
		 * first, optionally only those with `status`.
		 */
		async search(
			query: string,
			status: InquiryRecord['status'] | null,
			limit = 200,
		): Promise<InquiryRecord[]> {
			const like = `%${query.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
			const { results } = await db
				.prepare(
					`SELECT * FROM inquiries
					 WHERE (?1 = '' OR name LIKE ?2 ESCAPE '\\' OR email LIKE ?2 ESCAPE '\\' OR company LIKE ?2 ESCAPE '\\'
					        OR message LIKE ?2 ESCAPE '\\' OR id = ?1)
					   AND (?3 IS NULL OR status = ?3)
					 ORDER BY created_at DESC LIMIT ?4`,
				)
				.bind(query, like, status, limit)
				.all<InquiryRow>();
			return results.map(toRecord);
		},

		/**
		 * The statements that release an inquiry held as spam: it becomes `received`, reviewed now,
		 * and gets the two jobs it never had (INSERT OR IGNORE: a second release adds none).
		 */
		releaseStatements(id: string, jobs: NewJob[], now: number): D1PreparedStatement[] {
			const origin = jobOrigin();
			return [
				db
					.prepare(
						`UPDATE inquiries SET status = 'received', reviewed_at = ? WHERE id = ? AND status = 'spam'`,
					)
					.bind(now, id),
				...jobs.map((job) =>
					db
						.prepare(
							`INSERT OR IGNORE INTO jobs (id, kind, subject_id, state, attempt, max_attempts, created_at, updated_at, traceparent, request_id)
							 VALUES (?, ?, ?, 'queued', 0, ?, ?, ?, ?, ?)`,
						)
						.bind(job.id, job.kind, id, job.maxAttempts, now, now, origin.traceparent, origin.requestId),
				),
			];
		},

		/** The statement that reads the inquiry a job is about, for `jobs.claimAndRead`. */
		subjectOfJobStatement(jobId: string): D1PreparedStatement {
			return db
				.prepare('SELECT * FROM inquiries WHERE id = (SELECT subject_id FROM jobs WHERE id = ?)')
				.bind(jobId);
		},

		/** A row that `subjectOfJobStatement` read, as a record. */
		fromRow: (row: unknown): InquiryRecord => toRecord(row as InquiryRow),

		async find(id: string): Promise<InquiryRecord | null> {
			const row = await db.prepare('SELECT * FROM inquiries WHERE id = ?').bind(id).first<InquiryRow>();
			return row ? toRecord(row) : null;
		},

		/**
		 * The inquiries sent from the same email address as inquiry `id` (itself included) whose
		 * personal fields are still there, oldest first, at most `limit`. Addresses compare
		 * case-insensitively, as mail systems treat them.
		 */
		async listSamePerson(id: string, limit = 100): Promise<InquiryRecord[]> {
			const { results } = await db
				.prepare(
					`SELECT * FROM inquiries
					 WHERE email IS NOT NULL AND lower(email) = (SELECT lower(email) FROM inquiries WHERE id = ?)
					 ORDER BY created_at LIMIT ?`,
				)
				.bind(id, limit)
				.all<InquiryRow>();
			return results.map(toRecord);
		},

		/** The statement that erases one inquiry's personal fields at the person's request, to batch with its audit entry. */
		eraseStatement(id: string, now: number): D1PreparedStatement {
			return db
				.prepare(
					`UPDATE inquiries
					 SET name = NULL, email = NULL, company = NULL, message = NULL, ip_hash = NULL, idempotency_key = NULL,
					     redacted_at = ?, erased_at = ?
					 WHERE id = ?`,
				)
				.bind(now, now, id);
		},

		/**
		 * Removes the personal fields of inquiries created before `cutoff`, keeping the rows so
		 * counts by type, budget and month survive. Inquiries with a delivery still in flight wait
		 * for it, so the CRM never receives an emptied lead. Returns how many were redacted.
		 */
		async redactCreatedBefore(cutoff: number, now: number): Promise<number> {
			const result = await db
				.prepare(
					`UPDATE inquiries
					 SET name = NULL, email = NULL, company = NULL, message = NULL, ip_hash = NULL, redacted_at = ?
					 WHERE created_at < ? AND redacted_at IS NULL
					   AND NOT EXISTS (
					     SELECT 1 FROM jobs WHERE jobs.subject_id = inquiries.id
					       AND jobs.state IN ('queued', 'running', 'retrying')
					   )`,
				)
				.bind(now, cutoff)
				.run();
			return result.meta.changes;
		},
	};
}

export type InquiriesRepo = ReturnType<typeof createInquiriesRepo>;
