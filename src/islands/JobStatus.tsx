import { useEffect, useState } from 'preact/hooks';
import { describeJob } from '~/lib/jobs/job-wording';
import type { PublicJob } from '~/lib/jobs/public-job';

interface Props {
	/** The job as the server rendered it; the island polls from there. */
	initial: PublicJob;
	label: string;
}

const FINISHED = new Set(['succeeded', 'failed', 'dead']);
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 15_000;

/** Links a finished report job offers, when its result has them. */
function reportLinks(result: unknown): { html?: string; markdown?: string; csv?: string } | undefined {
	return typeof result === 'object' && result !== null && 'markdown' in result
		? (result as never)
		: undefined;
}

/**
 * One job's state and progress bar. Rendered on the server as a plain snapshot; in the browser
 * it polls /api/jobs/<id> with If-None-Match, waits longer after each unchanged answer (never
 * less than the server's Retry-After), and stops once the job is finished.
 */
export default function JobStatus({ initial, label }: Props) {
	const [job, setJob] = useState(initial);

	useEffect(() => {
		if (FINISHED.has(job.state)) return;
		let etag: string | null = null;
		let delay = FIRST_DELAY_MS;
		let timer: ReturnType<typeof setTimeout>;
		let stopped = false;
		const poll = async () => {
			let wait = delay;
			try {
				const response = await fetch(`/api/jobs/${initial.id}`, {
					headers: etag ? { 'if-none-match': etag } : {},
				});
				const hint = Number(response.headers.get('retry-after')) * 1000;
				if (response.status === 200) {
					etag = response.headers.get('etag');
					const next = (await response.json()) as PublicJob;
					setJob(next);
					if (FINISHED.has(next.state)) return;
					delay = FIRST_DELAY_MS; // it moved: look again soon
				} else {
					delay = Math.min(MAX_DELAY_MS, delay * 1.5); // unchanged or an error: back off
				}
				wait = Math.max(delay, Number.isFinite(hint) ? Math.min(hint, MAX_DELAY_MS) : 0);
			} catch {
				delay = Math.min(MAX_DELAY_MS, delay * 2);
				wait = delay;
			}
			if (!stopped) timer = setTimeout(poll, wait);
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
