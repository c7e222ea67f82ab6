/// <reference types="astro/client" />

declare namespace App {
	interface Locals {
		/** The request id also sent back as `x-request-id`; quote it in logs and error bodies. */
		requestId: string;
		/**
		 * Repositories, queue, config and logger for this request (src/server/services.ts). Set for
		 * on-demand requests only: a prerendered page has no bindings at build time.
		 */
		services: import('./server/services').Services;
		/** Who is signed in on operator paths (/admin, /api/metrics), for the audit log. */
		operator?: string;
	}
}

/** Package version plus git commit, fixed at build time (astro.config.mjs). */
declare const __APP_VERSION__: string;
