/**
 * Every required Worker variable with a valid value, as wrangler.jsonc sets them; tests spread
 * it and override what they are about.
 */
export const VALID_VARS = {
	QUEUE_STALE_AFTER_SECONDS: '900',
	HEARTBEAT_MIN_INTERVAL_SECONDS: '10',
	CRM_WEBHOOK_URL: '',
	CRM_ERASE_URL: '',
	PRICE_UPSTREAM_PROXY: '',
	JOB_MAX_ATTEMPTS: '8',
	RETRY_BASE_SECONDS: '2',
	RETRY_MAX_SECONDS: '600',
	OUTBOUND_TIMEOUT_MS: '10000',
	JOB_LEASE_SECONDS: '300',
	MIN_SUBMIT_SECONDS: '3',
	RATE_LIMIT_MAX: '5',
	RATE_LIMIT_WINDOW_SECONDS: '600',
	REPORT_LIMIT_MAX: '20',
	INQUIRIES_PER_MINUTE: '30',
	REPORTS_PER_MINUTE: '60',
	REDACT_AFTER_DAYS: '30',
} as const;
