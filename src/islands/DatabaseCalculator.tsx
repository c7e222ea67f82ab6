import { useEffect, useRef, useState } from 'preact/hooks';
import type { DatabaseInput } from '~/lib/calculators/database/sizing';
import type { CalculatorStart } from '~/lib/calculators/start';
import CalculatorForm from './parts/CalculatorForm';
import { useCalculator, type CalculatorPlace } from './use-calculator';

type Props = Omit<CalculatorStart<DatabaseInput, unknown>, 'data'> & CalculatorPlace;

/**
 * The database calculator's form. Sizing seven providers is a lot of code to ship, so the
 * results stay server HTML: as inputs change, this fetches them again and swaps them in.
 */
export default function DatabaseCalculator(props: Props) {
	const { query, form } = useCalculator<DatabaseInput>(props);
	const [pick, setPick] = useState(readPick);
	const [status, setStatus] = useState('');
	const first = useRef(true);
	useEffect(() => {
		if (first.current) return void (first.current = false);
		const controller = new AbortController();
		const timer = setTimeout(async () => {
			try {
				const response = await fetch(`/tools/database-results?${query}`, { signal: controller.signal });
				const html = await response.text();
				const fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(RESULTS);
				if (!response.ok || !fresh) throw new Error(String(response.status));
				document.getElementById(RESULTS)?.replaceWith(fresh);
				setPick(readPick());
				setStatus(fresh.querySelector('.total')?.textContent ?? '');
			} catch {
				if (!controller.signal.aborted) setStatus('Could not update the results; press Calculate.');
			}
		}, 250);
		return () => (clearTimeout(timer), controller.abort());
	}, [query]);
	return (
		<div>
			<CalculatorForm {...form} pick={pick} />
			<p role="status" class="visually-hidden">
				{status}
			</p>
		</div>
	);
}

const RESULTS = 'database-results';

/** The cheapest provider as the results on the page show it: what "Add" adds. */
function readPick() {
	const results = typeof document === 'undefined' ? null : document.getElementById(RESULTS);
	return { option: results?.dataset.option ?? '', usd: Number(results?.dataset.usd ?? 0), billed: true };
}
