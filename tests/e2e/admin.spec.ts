import { expect, test } from '@playwright/test';
import { signedFormToken } from '../support/form-token';
import { E2E_OPERATOR_TOKEN, E2E_FORM_TOKEN_SECRET } from '../playwright.config';

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
		httpCredentials: { username: 'e2e-operator', password: E2E_OPERATOR_TOKEN },
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
	await expect(page.getByRole('table')).toContainText('token:e2e-operator');
	await expect(page.getByRole('table')).toContainText('job.replay');
	await context.close();
});

test("the operator erases a person's inquiries on request, and the person's receipt says so", async ({
	browser,
	request,
	page: visitor,
}) => {
	const email = `erase-${Date.now()}@example.com`;
	const ids: string[] = [];
	for (const name of ['Erica First', 'Erica Again']) {
		const posted = await request.post('/api/inquiries', {
			data: {
				name,
				email,
				projectType: 'integrations',
				budget: '10k-50k',
				timeline: '1-3-months',
				message: 'Please erase me when I ask.',
				consent: true,
				formToken: await signedFormToken(E2E_FORM_TOKEN_SECRET),
			},
		});
		ids.push(((await posted.json()) as { id: string }).id);
	}

	const context = await browser.newContext({
		javaScriptEnabled: false,
		httpCredentials: { username: 'e2e-operator', password: E2E_OPERATOR_TOKEN },
	});
	const page = await context.newPage();
	await page.goto(`/admin/inquiries/${ids[0]}`);
	await expect(page.getByRole('definition').filter({ hasText: email })).toBeVisible();
	const erase = page.getByRole('button', { name: 'Erase 2 inquiries' });
	// The box must be ticked: the browser itself refuses the form without it.
	await erase.click();
	await expect(page).toHaveURL(`/admin/inquiries/${ids[0]}`);
	await page.getByRole('checkbox', { name: 'The person asked us to erase their data' }).check();
	await erase.click();
	await expect(page.getByRole('status')).toHaveText(
		'Erased the personal details of 2 inquiries from this person. The CRM is told to delete 2 leads.',
	);
	await expect(page.getByText("(erased at the person's request,")).toBeVisible();
	await expect(page.getByText(email)).toHaveCount(0);

	await page.goto('/admin/audit');
	await expect(page.getByRole('table')).toContainText('inquiry.erase');
	await expect(page.getByRole('table')).not.toContainText(email);
	await context.close();

	await visitor.goto(`/inquiries/${ids[1]}`);
	await expect(
		visitor.getByText('As you asked, we erased your name, email, company and message'),
	).toBeVisible();
	await expect(visitor.getByText('Erica')).toHaveCount(0);
});
