import { CALCULATORS } from '../../src/lib/calculators/registry.ts';

/** Paths rendered per request (not files in dist/client) that pages may link to. */
export const ON_DEMAND_PATHS = [
	'/status',
	'/api/health',
	...Object.values(CALCULATORS).map((calculator) => calculator.path),
	'/tools/stack-advisor',
	'/tools/estimate',
	'/contact',
] as const;
