/** Variables that keep Astro and wrangler from phoning home, so tests run offline. */
export const OFFLINE_ENV = {
	ASTRO_TELEMETRY_DISABLED: '1',
	ASTRO_DISABLE_UPDATE_CHECK: 'true',
	WRANGLER_SEND_METRICS: 'false',
	CLOUDFLARE_CF_FETCH_ENABLED: 'false',
} as const;

// Vitest copies its own import.meta.env (MODE=test, DEV=1, ...) into process.env. A build
// started from a test would inherit them and come out as a dev build that publishes drafts.
const TEST_RUNNER_VARIABLES = [
	'NODE_ENV',
	'MODE',
	'DEV',
	'PROD',
	'SSR',
	'BASE_URL',
	'TEST',
	'VITEST',
	'VITEST_MODE',
	'VITEST_POOL_ID',
	'VITEST_WORKER_ID',
];

/** The environment for Astro and wrangler commands started by tests and scripts. */
export function commandEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ...OFFLINE_ENV };
	for (const name of TEST_RUNNER_VARIABLES) delete env[name];
	return env;
}
