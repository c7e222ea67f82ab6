import { sendHeartbeat, type SendHeartbeatDeps } from './heartbeats';

/** Cron expressions from wrangler.jsonc `triggers.crons`, by purpose. */
export const CRON = { queueHeartbeat: '*/5 * * * *' } as const;

/** Runs the work a cron trigger stands for. Unknown expressions are logged, not ignored. */
export async function runScheduled(
	cron: string,
	deps: SendHeartbeatDeps & { log: (line: Record<string, unknown>) => void },
): Promise<void> {
	if (cron === CRON.queueHeartbeat) {
		const heartbeat = await sendHeartbeat(deps, 'cron');
		deps.log({ level: 'info', msg: 'cron heartbeat sent', cron, heartbeatId: heartbeat.id });
		return;
	}
	deps.log({ level: 'warn', msg: 'no work is defined for this cron', cron });
}
