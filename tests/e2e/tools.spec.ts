import { expect, test } from '@playwright/test';

test.describe('downtime cost calculator', () => {
	test('changing an input and calculating updates the yearly cost', async ({ page }) => {
		await page.goto('/tools/downtime');
		const total = page.locator('.results .figure');
		const before = await total.textContent();
		await page.getByLabel(/Revenue per hour/).fill('20000');
		await page.getByRole('button', { name: 'Calculate' }).click();
		await expect(total).not.toHaveText(before ?? '');
		await expect(page).toHaveURL(/revenuePerHour=20000/);
	});

	test('a shared URL reproduces the result', async ({ page, browser }) => {
		await page.goto(
			'/tools/downtime?revenuePerHour=5000&revenueAffectedPct=100&idleStaffCostPerHour=0&recoveryCostPerHour=0&sla=0.9999',
		);
		const expected = await page.locator('.results .figure').textContent();
		const shared = await page.getByRole('link', { name: 'Link to these results' }).getAttribute('href');
		const other = await browser.newPage();
		await other.goto(shared ?? '');
		await expect(other.locator('.results .figure')).toHaveText(expected ?? '');
		await expect(other.getByRole('heading', { name: 'At 99.99% availability' })).toBeVisible();
		await other.close();
	});

	test('works with JavaScript disabled, and explains a bad input next to its field', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/tools/downtime');
		await page.getByLabel(/Revenue lost while down/).fill('150');
		await page.getByRole('button', { name: 'Calculate' }).click();
		const field = page.getByLabel(/Revenue lost while down/);
		await expect(field).toHaveAttribute('aria-invalid', 'true');
		await expect(field).toHaveValue('150');
		await expect(page.locator('#revenueAffectedPct-error')).toHaveText('must be at most 100');
		await expect(page.getByRole('alert')).toContainText('Revenue lost while down: must be at most 100');
		await expect(page.locator('.results .figure')).toBeVisible();
		await context.close();
	});

	test('shows its working', async ({ page }) => {
		await page.goto('/tools/downtime');
		await page.getByText('Show the math').click();
		await expect(page.getByText(/Error budget = 1 − 0\.999/)).toBeVisible();
		await expect(page.getByRole('img', { name: /Expected yearly cost of downtime/ })).toBeVisible();
	});
});
