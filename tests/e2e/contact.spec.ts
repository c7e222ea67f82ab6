import { expect, test, type Page } from '@playwright/test';

const RECEIPT = /\/inquiries\/inq_[0-9a-f]{32}$/;

/** Fills every field with good answers, except those given in `overrides`. */
async function fillInquiry(page: Page, overrides: Partial<Record<'email' | 'message', string>> = {}) {
	await page.getByLabel('Name').fill('Grace Hopper');
	await page.getByLabel('Email').fill(overrides.email ?? 'grace@example.com');
	await page.getByLabel('What is the project?').selectOption('integrations');
	await page.getByLabel('Budget range').selectOption('10k-50k');
	await page.getByLabel('When would you like to start?').selectOption('1-3-months');
	await page
		.getByLabel('About the project')
		.fill(overrides.message ?? 'Our nightly CRM sync drops leads under load.');
	await page.getByLabel(/You may store these details/).check();
}

/** The server refuses forms sent within a second of being shown (MIN_SUBMIT_SECONDS in the e2e server). */
const likeAPerson = (page: Page) => page.waitForTimeout(1_100);

test.describe('the contact form without JavaScript', () => {
	test('a bad submission comes back with errors beside the fields, then a good one ends on the receipt', async ({
		browser,
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/contact');
		await fillInquiry(page, { email: 'grace-at-example', message: 'Too short' });
		await page.getByRole('button', { name: 'Send inquiry' }).click();

		const summary = page.getByRole('alert');
		await expect(summary).toContainText('There is a problem with your inquiry');
		await expect(summary).toBeFocused();
		const email = page.getByLabel('Email');
		await expect(email).toHaveAttribute('aria-invalid', 'true');
		await expect(email).toHaveAccessibleDescription(/Enter an email address like name@example.com/);
		await expect(page.getByLabel('About the project')).toHaveValue('Too short');
		await expect(page.getByLabel('Name')).toHaveValue('Grace Hopper');

		await email.fill('grace@example.com');
		await page.getByLabel('About the project').fill('Our nightly CRM sync drops leads under load.');
		await page.getByLabel(/You may store these details/).check();
		await likeAPerson(page);
		await page.getByRole('button', { name: 'Send inquiry' }).click();
		await expect(page).toHaveURL(RECEIPT);
		await expect(page.getByText('Received', { exact: false }).first()).toBeVisible();
		await context.close();
	});
});

test.describe('the contact form with JavaScript', () => {
	test('shows errors inline before sending anything, then sends once and lands on the receipt', async ({
		page,
	}) => {
		const posts: string[] = [];
		page.on('request', (request) => {
			if (request.method() === 'POST') posts.push(request.url());
		});
		await page.goto('/contact');
		await page.locator('astro-island:not([ssr])').waitFor();

		const email = page.getByLabel('Email');
		await email.fill('not-an-address');
		await page.getByLabel('Name').focus(); // leaving the field checks it
		await expect(email).toHaveAttribute('aria-invalid', 'true');
		await expect(email).toHaveAccessibleDescription(/Enter an email address like name@example.com/);

		await page.getByRole('button', { name: 'Send inquiry' }).click();
		await expect(page.getByRole('alert')).toBeFocused();
		await expect(page.getByRole('alert')).toContainText('Name: Enter your name.');
		expect(posts).toEqual([]);

		await fillInquiry(page);
		await expect(email).not.toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByRole('alert')).toHaveCount(0);
		await likeAPerson(page);
		await page.getByRole('button', { name: 'Send inquiry' }).dblclick();
		await expect(page).toHaveURL(RECEIPT);
		expect(posts.filter((url) => url.endsWith('/contact'))).toHaveLength(1);
	});
});
