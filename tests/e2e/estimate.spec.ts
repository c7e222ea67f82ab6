import { expect, test, type Page } from '@playwright/test';
import { E2E_OPERATOR_TOKEN } from '../playwright.config';

const dollars = (text: string | null) => Number((text ?? '').replace(/[^0-9.]/g, ''));
const tray = (page: Page) => page.locator('.tray');

/** Opens a calculator and waits until its islands have hydrated (Astro drops the ssr attribute). */
async function openLive(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test.describe('the stack estimate', () => {
	test('adds results from two calculators and shows the running total in the tray', async ({ page }) => {
		await openLive(page, '/tools/hosting?requests=2000000');
		await expect(tray(page)).toContainText('empty');
		await page.getByRole('button', { name: 'Add to my estimate' }).click();
		await expect(tray(page)).toContainText('1 item');

		await openLive(page, '/tools/database?dataGb=20');
		await expect(tray(page)).toContainText('1 item'); // remembered across pages
		const cheapest = dollars(await page.locator('#database-results .figure').textContent());
		await page.getByRole('button', { name: 'Add to my estimate' }).click();
		await expect(tray(page)).toContainText('2 items');

		await tray(page).getByRole('link', { name: 'My estimate' }).click();
		await expect(page).toHaveURL(/\/tools\/estimate\?item=hosting.*&item=database/);
		const rows = page.getByRole('table').locator('tbody tr');
		await expect(rows).toHaveCount(2);
		const bill = dollars(await page.locator('[data-total="estimate"]').textContent());
		expect(bill).toBeGreaterThan(cheapest);
		await expect(tray(page)).toContainText(`2 items`);
	});

	test('the database calculator updates its results as the inputs change', async ({ page }) => {
		await openLive(page, '/tools/database?dataGb=20');
		const figure = page.locator('#database-results .figure');
		const before = await figure.textContent();
		await page.getByLabel(/Data size/).fill('400');
		await expect(figure).not.toHaveText(before ?? '');
		await expect(page).toHaveURL(/dataGb=400/);
		await expect(page.locator('#database-results')).toContainText('does not fit');
	});

	test('works without JavaScript: Add is a form that ends on the estimate, which keeps it', async ({
		browser,
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/tools/downtime?revenuePerHour=3000');
		await page.getByRole('button', { name: 'Add to my estimate' }).click();
		await expect(page).toHaveURL(/\/tools\/estimate\?item=downtime/);
		await expect(page.getByRole('status')).toContainText('Added to your estimate');

		// Back to a calculator through the estimate's own link: the estimate travels in the URL.
		await page.goto(`/tools/database?dataGb=5&${new URL(page.url()).search.slice(1)}`);
		await expect(tray(page)).toContainText('1 item');
		await page.getByRole('button', { name: 'Add to my estimate' }).click();
		await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(2);
		await expect(tray(page)).toContainText('2 items');
		await context.close();
	});

	test('"Discuss this estimate" sends it with the inquiry, to the receipt and the console', async ({
		page,
		browser,
	}) => {
		await page.goto(
			'/tools/estimate?item=hosting%3Acloudflare%3Arequests%3D5000000&item=database%3Aneon%3AdataGb%3D5',
		);
		await page.getByRole('link', { name: 'Discuss this estimate' }).click();
		await expect(page.getByRole('region', { name: 'The estimate you are sending' })).toContainText(
			'Monthly bill',
		);

		const name = `Estimate Check ${Date.now()}`;
		await page.getByLabel('Name').fill(name);
		await page.getByLabel('Email').fill('estimate@example.com');
		await page.getByLabel('What is the project?').selectOption('costs');
		await page.getByLabel('Budget range').selectOption('10k-50k');
		await page.getByLabel('When would you like to start?').selectOption('asap');
		await page.getByLabel('About the project').fill('Can we run this stack for less next year?');
		await page.getByLabel(/You may store these details/).check();
		await page.waitForTimeout(1_100); // the server refuses forms sent faster than a person could
		await page.getByRole('button', { name: 'Send inquiry' }).click();
		await expect(page).toHaveURL(/\/inquiries\/inq_[0-9a-f]{32}$/);
		await expect(page.getByRole('region', { name: 'The estimate you sent' })).toContainText('Neon');
		const id = page.url().split('/').pop();

		const context = await browser.newContext({
			javaScriptEnabled: false,
			httpCredentials: { username: 'e2e-operator', password: E2E_OPERATOR_TOKEN },
		});
		const console = await context.newPage();
		await console.goto(`/admin/inquiries/${id}`);
		const attached = console.getByRole('region', { name: 'Attached estimate' });
		await expect(attached).toContainText('Monthly bill');
		await expect(attached).toContainText('Cloudflare');
		await context.close();
	});
});
