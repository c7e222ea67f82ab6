import { useEffect, useState } from 'preact/hooks';
import { estimateQuery } from '~/lib/estimate/items';
import { formatUsd } from '~/lib/format/money';
import { $estimate, clearEstimate, startEstimate, type TrayItem } from './estimate-store';

interface Props {
	/** The estimate in the page's URL, priced on the server; empty when the URL has none. */
	initial: TrayItem[];
	/** On the estimate page: with no estimate in the URL, load the remembered one there. */
	restore?: boolean;
	/** On the estimate page after "Start over": forget the remembered estimate. */
	clear?: boolean;
}

/** The running monthly total of the visitor's stack estimate, with a link to it. */
export default function EstimateTray({ initial, restore = false, clear = false }: Props) {
	// Subscribing by hand: @nanostores/preact's useStore adds key-path listening this tray never uses.
	const [items, setItems] = useState<readonly TrayItem[]>([]);
	useEffect(() => {
		const stop = $estimate.listen(setItems);
		if (clear) clearEstimate();
		else startEstimate(initial);
		setItems($estimate.get());
		const remembered = $estimate.get();
		if (restore && initial.length === 0 && remembered.length > 0)
			location.replace(`/tools/estimate?${estimateQuery(remembered)}`);
		return stop;
	}, []);
	const shown = items.length > 0 || clear ? items : initial;
	const total = shown.reduce((sum, item) => sum + (item.billed ? item.usd : 0), 0);
	return (
		<p class="tray" aria-live="polite">
			<a href={`/tools/estimate${shown.length > 0 ? `?${estimateQuery(shown)}` : ''}`}>My estimate</a>
			{shown.length > 0
				? `: ${shown.length} ${shown.length === 1 ? 'item' : 'items'}, ${formatUsd(total)} a month`
				: ': empty. Add a result from any calculator.'}
		</p>
	);
}
