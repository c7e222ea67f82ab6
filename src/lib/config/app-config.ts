import { z } from 'zod';

/** A whole number of seconds given as a string, as Worker `vars` always are. */
const SecondsSchema = z
	.string()
	.regex(/^\d+$/, 'expected a whole number of seconds, e.g. "900"')
	.transform(Number);

/** The Worker's plain-text variables (wrangler.jsonc `vars`, or `.dev.vars` locally). */
export const AppConfigSchema = z.object({
	QUEUE_STALE_AFTER_SECONDS: SecondsSchema.describe(
		'After how long without a consumed heartbeat /api/health calls the queue stale, e.g. "900"',
	),
	HEARTBEAT_MIN_INTERVAL_SECONDS: SecondsSchema.describe(
		'Minimum gap between heartbeats sent through POST /api/heartbeats, e.g. "10"',
	),
});

/** Typed configuration, derived from the schema. */
export interface AppConfig {
	queueStaleAfterMs: number;
	heartbeatMinIntervalMs: number;
}

/**
 * Parses the Worker's string variables once into typed configuration.
 * @throws Error naming every bad variable and what was expected, so a misconfigured
 * deploy fails loudly on its first request instead of misbehaving later.
 */
export function parseAppConfig(vars: object): AppConfig {
	const parsed = AppConfigSchema.safeParse(vars);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
		throw new Error(`Invalid Worker configuration (wrangler.jsonc "vars"): ${problems.join('; ')}`);
	}
	const config = parsed.data;
	return {
		queueStaleAfterMs: config.QUEUE_STALE_AFTER_SECONDS * 1000,
		heartbeatMinIntervalMs: config.HEARTBEAT_MIN_INTERVAL_SECONDS * 1000,
	};
}
