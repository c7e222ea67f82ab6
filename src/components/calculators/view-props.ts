import type { StartSource } from '~/lib/calculators/start';

/** What every calculator view takes: where its values come from, and where it is shown. */
export interface CalculatorViewProps extends StartSource {
	/** Inside a guide: hydrate when scrolled into view rather than at once. */
	embedded?: boolean;
}
