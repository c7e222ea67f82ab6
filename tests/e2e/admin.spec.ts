import { expect, test } from '@playwright/test';
import { signedFormToken } from '../support/form-token';
import { E2E_ADMIN_TOKEN, E2E_FORM_TOKEN_SECRET } from '../playwright.config';

test('the operator console works without JavaScript: find an inquiry, replay its failed job, see it audited', async ({
	browser,
	request,
}) => {
	const name = `Console Check ${Date.now()}`;
	const posted = await request.post('/api/inquiries', {
		data: {
			name,
			email: 'console@example.com',
			projectType: 'integrations',
			budget: '10k-50k',
			timeline: '1-3-months',
			message: 'An inquiry for the operator console test.',
			consent: true,
			formToken: await signedFormToken(E2E_FORM_TOKEN_SECRET),
		},
	});
	const { id } = (await posted.json()) as { id: string };

	const context = await browser.newContext({
		javaScriptEnabled: false,
		httpCredentials: { username: 'e2e-operator', password: E2E_ADMIN_TOKEN },
	});
	const page = await context.newPage();
	await page.goto(`/admin/inquiries?q=${encodeURIComponent(name)}`);
	await page.getByRole('link', { name: /UTC$/ }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Inquiry ${id}`);

	// No CRM is configured on this server, so the CRM job fails at once and can be replayed.
	const replay = page.getByRole('button', { name: 'Replay' }).first();
	await expect(async () => {
		await page.reload();
		await expect(replay).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: 15_000 });
	await replay.click();
	await expect(page.getByRole('status')).toContainText('is queued again');

	await page.goto('/admin/audit');
	await expect(page.getByRole('table')).toContainText('basic:e2e-operator');
	await expect(page.getByRole('table')).toContainText('job.replay');
	await context.close();
});
