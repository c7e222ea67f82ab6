import type { CalculatorSlug } from '~/lib/calculators/registry';
import AiSpendView from './AiSpendView.astro';
import DatabaseView from './DatabaseView.astro';
import DowntimeView from './DowntimeView.astro';
import HostingView from './HostingView.astro';

/**
 * The view of each registered calculator (its island, hydrated). Typed by the registry, so a
 * calculator added there without a view here fails `astro check`.
 */
export const CALCULATOR_VIEWS: Record<CalculatorSlug, typeof HostingView> = {
	hosting: HostingView,
	'ai-spend': AiSpendView,
	database: DatabaseView,
	downtime: DowntimeView,
};
