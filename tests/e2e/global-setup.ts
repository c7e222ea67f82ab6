import { ensureFreshBuild } from '../../scripts/lib/build';
import { startMockServices } from '../mocks/mock-services';
import { startTestServer } from '../support/server';
import { E2E_OPERATOR_TOKEN, E2E_FORM_TOKEN_SECRET, E2E_MOCK_PORT, E2E_PORT } from '../playwright.config';

/**
 * Builds if needed and serves the built Worker with a fresh, migrated local D1, reading price
 * upstreams from the mock services (no CRM or email API: those jobs fail, replayable).
 */
export default async function globalSetup() {
	ensureFreshBuild();
	const mock = await startMockServices({
		port: E2E_MOCK_PORT,
		crmSigningSecret: 'unused',
		emailApiKey: 'unused',
	});
	const server = await startTestServer({
		port: E2E_PORT,
		migrate: true,
		// The contact form's time token is checked; a person in a test fills it within a second.
		// The operator e2e-operator signs in with E2E_OPERATOR_TOKEN. No CRM is configured, so CRM jobs fail (replayable).
		vars: {
			FORM_TOKEN_SECRET: E2E_FORM_TOKEN_SECRET,
			MIN_SUBMIT_SECONDS: '1',
			RATE_LIMIT_MAX: '50',
			INQUIRIES_PER_MINUTE: '1000',
			REPORTS_PER_MINUTE: '1000',
			OPERATOR_TOKENS: `e2e-operator:${E2E_OPERATOR_TOKEN}`,
			PRICE_UPSTREAM_PROXY: `${mock.url}/upstreams`,
		},
	});
	return async () => {
		await server.stop();
		await mock.stop();
	};
}
