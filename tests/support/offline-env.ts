/** Variables that keep Astro and wrangler from phoning home, so tests run offline. */
export const OFFLINE_ENV = {
	ASTRO_TELEMETRY_DISABLED: '1',
	ASTRO_DISABLE_UPDATE_CHECK: 'true',
	WRANGLER_SEND_METRICS: 'false',
	CLOUDFLARE_CF_FETCH_ENABLED: 'false',
} as const;
