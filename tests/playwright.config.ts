import { defineConfig, devices } from '@playwright/test';

/**
 * The e2e server's port: not 4321, so a dev server left running cannot answer the tests.
 * E2E_PORT and E2E_MOCK_PORT move both, so two checkouts can run the suite side by side.
 */
export const E2E_PORT = Number(process.env['E2E_PORT'] ?? 4421);
/** The mock services the e2e server reads price upstreams from (the price watch). */
export const E2E_MOCK_PORT = Number(process.env['E2E_MOCK_PORT'] ?? 4496);
/** The operator console's password on the e2e server (any user name). */
export const E2E_OPERATOR_TOKEN = 'e2e-operator-token-0123456789';
/** Signs the contact form's time token on the e2e server, so a test can send an inquiry as JSON. */
export const E2E_FORM_TOKEN_SECRET = 'e2e-form-token-secret';

export default defineConfig({
	testDir: './e2e',
	outputDir: '../test-results/e2e',
	globalSetup: './e2e/global-setup.ts',
	fullyParallel: true,
	workers: 2,
	forbidOnly: !!process.env['CI'],
	retries: 0,
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${E2E_PORT}`,
		trace: 'retain-on-failure',
		launchOptions: {
			// Debian's chromium: Playwright's own browser download is not possible on these machines.
			executablePath: '/usr/bin/chromium',
			args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking'],
		},
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
});
