/// <reference types="astro/client" />

declare namespace App {
	interface Locals {
		/** The request id also sent back as `x-request-id`; quote it in logs and error bodies. */
		requestId: string;
		/** Who is signed in on operator paths (/admin, /api/metrics), for the audit log. */
		operator?: string;
	}
}

/** Package version plus git commit, fixed at build time (astro.config.mjs). */
declare const __APP_VERSION__: string;
