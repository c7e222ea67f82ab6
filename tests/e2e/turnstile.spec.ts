import { expect, test } from '@playwright/test';
import { startMockServices, TURNSTILE_TEST_TOKEN } from '../mocks/mock-services';
import { queryLocalD1, startTestServer, type TestServer } from '../support/server';

// The contact form with Turnstile on, on a server of its own. The browser cannot reach
// Cloudflare here, so the widget script is a stub that does what the real one does for a
// visitor who passes: it puts a token field inside the widget's element.
const WIDGET_STUB = `for (const widget of document.querySelectorAll('.cf-turnstile')) {
	const field = Object.assign(document.createElement('input'), { type: 'hidden', name: 'cf-turnstile-response', value: '${TURNSTILE_TEST_TOKEN}' });
	widget.append(field);
}`;

let server: TestServer;
let mock: Awaited<ReturnType<typeof startMockServices>>;

test.beforeAll(async () => {
	mock = await startMockServices({ port: 4498, crmSigningSecret: 'crm-secret', emailApiKey: 'email-key' });
	server = await startTestServer({
		port: 4433,
		migrate: true,
		vars: {
			FORM_TOKEN_SECRET: 'e2e-turnstile-form-secret',
			MIN_SUBMIT_SECONDS: '1',
			TURNSTILE_SITE_KEY: '1x00000000000000000000AA',
			TURNSTILE_SECRET_KEY: '1x0000000000000000000000000000000AA',
			TURNSTILE_VERIFY_URL: `${mock.url}/turnstile/siteverify`,
		},
	});
});
test.afterAll(async () => {
	await server?.stop();
	await mock?.stop();
});

test('with Turnstile on, a visitor who passes the widget sends an inquiry that is not held as spam', async ({
	page,
}) => {
	test.setTimeout(90_000);
	await page.route('https://challenges.cloudflare.com/turnstile/v0/api.js', (route) =>
		route.fulfill({ contentType: 'text/javascript', body: WIDGET_STUB }),
	);
	const blocked: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
	});
	await page.goto(`${server.url}/contact`);
	const token = page.locator('.cf-turnstile input[name="cf-turnstile-response"]');
	await expect(token).toHaveCount(1);

	// A first try with a mistake: the island re-renders its errors, and the widget's field stays.
	await page.getByLabel('Name').fill('Grace Hopper');
	await page.getByRole('button', { name: 'Send inquiry' }).click();
	await expect(page.getByRole('alert')).toContainText('There is a problem with your inquiry');
	await expect(token).toHaveCount(1);

	await page.getByLabel('Email').fill('grace@example.com');
	await page.getByLabel('What is the project?').selectOption('integrations');
	await page.getByLabel('Budget range').selectOption('10k-50k');
	await page.getByLabel('When would you like to start?').selectOption('1-3-months');
	await page.getByLabel('About the project').fill('Our nightly CRM sync drops leads under load.');
	await page.getByLabel(/You may store these details/).check();
	await page.waitForTimeout(1_100);
	await page.getByRole('button', { name: 'Send inquiry' }).click();
	await expect(page).toHaveURL(/\/inquiries\/inq_[0-9a-f]{32}$/);
	const id = page.url().split('/').pop();
	expect(queryLocalD1(server.stateDir, `SELECT status FROM inquiries WHERE id = '${id}'`)).toEqual([
		{ status: 'received' },
	]);
	expect(blocked).toEqual([]);
});
