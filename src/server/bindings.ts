// The one place that reads the Worker's bindings. Pages and endpoints import from here, so a
// grep for "cloudflare:workers" shows every door to D1, KV and the queue.
import { env } from 'cloudflare:workers';
import { parseAppConfig, type AppConfig } from '~/lib/config/app-config';

export { env };

let config: AppConfig | undefined;

/** The validated configuration, parsed on first use and kept for the isolate's lifetime. */
export function getConfig(): AppConfig {
	config ??= parseAppConfig(env);
	return config;
}
