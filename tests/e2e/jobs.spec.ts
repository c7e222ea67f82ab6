import { expect, test } from '@playwright/test';

test.describe('a full report from a calculator', () => {
	test('starts from the calculator, the bar reaches 100% and the downloads appear', async ({ page }) => {
		await page.goto('/tools/hosting?requests=8000000');
		await page.locator('astro-island:not([ssr])').first().waitFor();
		await page.getByRole('button', { name: 'Build a full report' }).click();
		await expect(page).toHaveURL(/\/reports\/job_[0-9a-f]{32}$/);

		const bar = page.getByRole('progressbar', { name: /Report/ });
		await expect(bar).toHaveAttribute('value', '100', { timeout: 15_000 });
		await expect(page.getByText('Your report is ready.')).toBeVisible();
		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Download CSV' }).click();
		const file = await download;
		expect(file.suggestedFilename()).toBe('loadbearing-hosting-report.csv');

		await page.getByRole('link', { name: 'Read the report' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Full report: hosting cost/);
		await expect(page.getByRole('table')).toContainText('AWS with CloudFront');
	});

	test('without JavaScript the report page refreshes itself until the report is there', async ({
		browser,
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/tools/downtime');
		await page.getByRole('button', { name: 'Build a full report' }).click();
		await expect(page).toHaveURL(/\/reports\/job_[0-9a-f]{32}$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Full report: downtime cost/, {
			timeout: 15_000,
		});
		await expect(page.getByRole('link', { name: 'Download Markdown' })).toBeVisible();
		await context.close();
	});
});
