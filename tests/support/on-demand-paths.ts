/** Paths rendered per request (not files in dist/client) that pages may link to. */
export const ON_DEMAND_PATHS = [
	'/status',
	'/api/health',
	'/tools/downtime',
	'/tools/hosting',
	'/tools/ai-spend',
	'/tools/stack-advisor',
	'/contact',
] as const;
