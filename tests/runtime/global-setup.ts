import type { TestProject } from 'vitest/node';
import { startMockServices } from '../mocks/mock-services';
import { ensureFreshBuild } from '../../scripts/lib/build';
import { startTestServer } from '../support/server';

/** Secrets the runtime server and the mock CRM and email API share. */
export const TEST_SECRETS = {
	crm: 'test-crm-signing-secret',
	email: 'test-email-api-key',
	admin: 'test-operator-token-0123456789',
	formToken: 'test-form-token-secret',
	metrics: 'test-metrics-token',
} as const;

/**
 * Builds once, starts the mock CRM and email API, then serves the built Worker with a freshly
 * migrated local D1, pointed at the mocks, for all runtime tests.
 */
export default async function setup(project: TestProject) {
	ensureFreshBuild();
	// RUNTIME_PORT and RUNTIME_MOCK_PORT move both, so two checkouts can run the suite side by side.
	const port = Number(process.env['RUNTIME_PORT'] ?? 4411);
	const mock = await startMockServices({
		port: Number(process.env['RUNTIME_MOCK_PORT'] ?? 4492),
		crmSigningSecret: TEST_SECRETS.crm,
		emailApiKey: TEST_SECRETS.email,
		// The site's port is fixed, so the CRM can be told where to call back before it starts.
		crmCallbackUrl: `http://127.0.0.1:${port}/api/webhooks/crm`,
	});
	const server = await startTestServer({
		port,
		migrate: true,
		// Short retries, so the retry and dead-job tests finish in seconds.
		vars: {
			CRM_WEBHOOK_URL: `${mock.url}/crm/leads`,
			CRM_ERASE_URL: `${mock.url}/crm/erasures`,
			CRM_SIGNING_SECRET: TEST_SECRETS.crm,
			EMAIL_API_URL: `${mock.url}/email/send`,
			EMAIL_API_KEY: TEST_SECRETS.email,
			NOTIFY_EMAIL_TO: 'team@loadbearing.test',
			JOB_MAX_ATTEMPTS: '4',
			RETRY_BASE_SECONDS: '1',
			RETRY_MAX_SECONDS: '2',
			OUTBOUND_TIMEOUT_MS: '3000',
			FORM_TOKEN_SECRET: TEST_SECRETS.formToken,
			IP_HASH_SALT: 'test-ip-salt',
			MIN_SUBMIT_SECONDS: '2',
			RATE_LIMIT_MAX: '100',
			RATE_LIMIT_WINDOW_SECONDS: '600',
			// Many tests post at once; the site-wide ceilings have their own server in limits.test.ts.
			INQUIRIES_PER_MINUTE: '10000',
			REPORTS_PER_MINUTE: '10000',
			OPERATOR_TOKENS: `ops:${TEST_SECRETS.admin}`,
			METRICS_TOKEN: TEST_SECRETS.metrics,
		},
	});
	project.provide('baseUrl', server.url);
	project.provide('stateDir', server.stateDir);
	project.provide('mockUrl', mock.url);
	return async () => {
		await server.stop();
		await mock.stop();
	};
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		stateDir: string;
		mockUrl: string;
	}
}
