import { useState } from 'preact/hooks';

interface Props {
	/** Page path, e.g. "/tools/hosting"; exports live at <path>.csv and <path>.md. */
	path: string;
	query: string;
}

/** Share link, CSV download and copy-as-Markdown. The links work without JavaScript too. */
export default function ShareBar({ path, query }: Props) {
	const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
	const copy = async () => {
		try {
			const markdown = await (await fetch(`${path}.md?${query}`)).text();
			await navigator.clipboard.writeText(markdown);
			setCopied('done');
		} catch {
			setCopied('failed');
		}
	};
	return (
		<p class="share">
			<a href={`${path}?${query}`}>Link to these results</a> ·{' '}
			<a href={`${path}.csv?${query}`} download>
				Download CSV
			</a>{' '}
			·{' '}
			<a href={`${path}.md?${query}`} onClick={(event) => (event.preventDefault(), void copy())}>
				Copy as Markdown
			</a>
			<span role="status" class="copied">
				{copied === 'done'
					? ' Copied.'
					: copied === 'failed'
						? ' Could not copy; the link opens the Markdown.'
						: ''}
			</span>
		</p>
	);
}
