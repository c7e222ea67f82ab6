import { useEffect, useState } from 'preact/hooks';
import { describeJob } from '~/lib/jobs/job-wording';
import { nextPollDelay, POLL } from '~/lib/jobs/poll-delay';
import type { PublicJob } from '~/lib/jobs/public-job';

interface Props {
	/** The job as the server rendered it; the island polls from there. */
	initial: PublicJob;
	label: string;
}

const FINISHED = new Set(['succeeded', 'failed', 'dead']);

/** Links a finished report job offers, when its result has them. */
function reportLinks(result: unknown): { html?: string; markdown?: string; csv?: string } | undefined {
	return typeof result === 'object' && result !== null && 'markdown' in result
		? (result as never)
		: undefined;
}

/**
 * One job's state and progress bar. Rendered on the server as a plain snapshot; in the browser
 * it polls /api/jobs/<id> with If-None-Match, paced by nextPollDelay (longer after each
 * unchanged answer, never sooner than Retry-After), and stops once the job is finished.
 */
export default function JobStatus({ initial, label }: Props) {
	const [job, setJob] = useState(initial);

	useEffect(() => {
		if (FINISHED.has(job.state)) return;
		let etag: string | null = null;
		let delay: number = POLL.firstMs;
		let timer: ReturnType<typeof setTimeout>;
		let stopped = false;
		const poll = async () => {
			try {
				const response = await fetch(`/api/jobs/${initial.id}`, {
					headers: etag ? { 'if-none-match': etag } : {},
				});
				const retryAfter = response.headers.has('retry-after')
					? Number(response.headers.get('retry-after'))
					: null;
				if (response.status === 200) {
					etag = response.headers.get('etag');
					const next = (await response.json()) as PublicJob;
					setJob(next);
					if (FINISHED.has(next.state)) return;
					delay = nextPollDelay(delay, 'changed', retryAfter);
				} else {
					delay = nextPollDelay(delay, response.status === 304 ? 'unchanged' : 'error', retryAfter);
				}
			} catch {
				delay = nextPollDelay(delay, 'error', null);
			}
			if (!stopped) timer = setTimeout(poll, delay);
		};
		timer = setTimeout(poll, delay);
		return () => {
			stopped = true;
			clearTimeout(timer);
		};
	}, []);

	const wording = describeJob(job);
	const links = job.state === 'succeeded' ? reportLinks(job.result) : undefined;
	return (
		<div class={`job-status ${wording.tone}`}>
			<p class="job-head">
				<strong>{label}</strong> <span class="job-state">{wording.status}</span>
			</p>
			<progress max={100} value={job.progress.percent} aria-label={`${label}: ${job.progress.percent}% done`}>
				{job.progress.percent}%
			</progress>
			<p class="job-detail" role="status">
				{job.progress.percent}% · {wording.detail}
			</p>
			{links && (
				<p class="job-links">
					{links.html && <a href={links.html}>Read the report</a>}
					{links.markdown && (
						<>
							{' · '}
							<a href={links.markdown} download>
								Download Markdown
							</a>
						</>
					)}
					{links.csv && (
						<>
							{' · '}
							<a href={links.csv} download>
								Download CSV
							</a>
						</>
					)}
				</p>
			)}
		</div>
	);
}
