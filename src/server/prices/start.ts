import { allSheets, type PriceCatalog } from '~/lib/pricing/catalog';
import type { JobsRepo } from '../db/jobs-repo';
import { enqueueRecordedJobs, type JobQueue } from '../jobs/enqueue';

export interface StartPriceWatchDeps {
	catalog: () => Promise<PriceCatalog>;
	jobs: Pick<JobsRepo, 'insertNew'>;
	queue: JobQueue;
	newId: (prefix: string) => string;
	maxAttempts: number;
	now: number;
	log: (line: Record<string, unknown>) => void;
}

/**
 * Records a `price.watch` job for each sheet with something to read (a manual sheet has only its
 * review date) and sends them to the queue. `run` names the run, e.g. the cron's time: a run
 * started twice records its jobs once. Returns the jobs recorded.
 */
export async function startPriceWatch(
	run: string,
	deps: StartPriceWatchDeps,
	only?: string,
): Promise<string[]> {
	const catalog = await deps.catalog();
	const sheets = allSheets(catalog).filter(
		(sheet) => sheet.watch.kind !== 'manual' && (only === undefined || sheet.id === only),
	);
	const ids = await deps.jobs.insertNew(
		sheets.map((sheet) => ({
			id: deps.newId('job'),
			kind: 'price.watch',
			subjectId: `${sheet.id}/${run}`,
			maxAttempts: deps.maxAttempts,
		})),
		deps.now,
	);
	await enqueueRecordedJobs(
		deps.queue,
		ids.map((jobId) => ({ kind: 'price.watch' as const, jobId })),
		deps.log,
	);
	return ids;
}
