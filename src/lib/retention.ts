/**
 * What the daily cron deletes, and after how long: one rule per kind of row a visitor (or a
 * bot) can make the database grow by. Each rule is a setting with a default, so an operator can
 * keep things longer without a code change. Inquiries themselves are never deleted here: their
 * personal fields are removed after REDACT_AFTER_DAYS, and spam goes sooner than real ones.
 */
export const RETENTION_RULES = [
	{
		id: 'finished-reports',
		setting: 'REPORT_RETENTION_DAYS',
		defaultDays: 30,
		what: 'finished full reports, with their job, steps and attempts (the report page then says it has expired)',
	},
	{
		id: 'finished-price-checks',
		setting: 'PRICE_CHECK_RETENTION_DAYS',
		defaultDays: 45,
		what: "finished price-watch jobs and their attempts (each sheet's last check and every difference stay)",
	},
	{
		id: 'finished-job-attempts',
		setting: 'JOB_ATTEMPT_RETENTION_DAYS',
		defaultDays: 90,
		what: "attempts of finished jobs (an inquiry's delivery log keeps the job's final state)",
	},
	{ id: 'heartbeats', setting: 'HEARTBEAT_RETENTION_DAYS', defaultDays: 7, what: 'queue heartbeats' },
	{
		id: 'webhook-events',
		setting: 'WEBHOOK_EVENT_RETENTION_DAYS',
		defaultDays: 90,
		what: 'CRM callback ids (a replay older than five minutes fails its signature anyway)',
	},
	{ id: 'spam', setting: 'SPAM_RETENTION_DAYS', defaultDays: 30, what: 'inquiries held as spam' },
	{
		id: 'replayed-dead-letters',
		setting: 'DEAD_LETTER_RETENTION_DAYS',
		defaultDays: 30,
		what: 'dead letters after they were replayed',
	},
] as const;

export type RetentionRuleId = (typeof RETENTION_RULES)[number]['id'];

/** Days to keep each kind of row, by rule. */
export type RetentionDays = Record<RetentionRuleId, number>;

/**
 * The moment before which a rule's rows go.
 * @example retentionCutoff(86_400_000 * 10, 7) // => 259_200_000
 */
export const retentionCutoff = (now: number, days: number): number => now - days * 86_400_000;
