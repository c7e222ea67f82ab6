import { expect, test, type Page } from '@playwright/test';

/** Opens a calculator and waits until its island has hydrated (Astro drops the ssr attribute). */
async function openLive(page: Page, path: string) {
	await page.goto(path);
	await page.locator('astro-island:not([ssr])').waitFor();
}

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

test.describe('hosting cost calculator', () => {
	test('updates both totals as an input changes, and keeps the state in the URL', async ({ page }) => {
		await openLive(page, '/tools/hosting');
		const edge = page.locator('[data-total="edge"]');
		const serverless = page.locator('[data-total="serverless"]');
		await expect(edge).toHaveText(/\$/);
		const before = [await edge.textContent(), await serverless.textContent()];
		await page
			.getByLabel(/Requests/)
			.first()
			.fill('90000000');
		await expect(serverless).not.toHaveText(before[1] ?? '');
		await expect(edge).not.toHaveText(before[0] ?? '');
		await expect(page).toHaveURL(/requests=90000000/);
		const shared = page.url();
		const other = await page.context().newPage();
		await other.goto(shared);
		await expect(other.locator('[data-total="serverless"]')).toHaveText(
			(await serverless.textContent()) ?? '',
		);
		await other.close();
	});

	test('warns when an input passes a plan limit', async ({ page }) => {
		await openLive(page, '/tools/hosting');
		await page.getByLabel(/CPU time per request/).fill('50');
		await expect(page.getByRole('list', { name: 'Limits to check' })).toContainText(
			'Workers Free plan stops at 10 ms',
		);
	});

	test('shows each line item with its price sheet date and the formula', async ({ page }) => {
		await openLive(page, '/tools/hosting');
		const table = page.getByRole('table', { name: 'Edge line items' });
		await expect(table).toContainText('prices as of 2026-11-30');
		await table.getByText('Show the math').first().click();
		await expect(table.locator('code').first()).toContainText('×');
	});

	test('works with JavaScript disabled through the same form', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/tools/hosting');
		await page
			.getByLabel(/Requests/)
			.first()
			.fill('90000000');
		await page.getByRole('button', { name: 'Calculate' }).click();
		await expect(page).toHaveURL(/requests=90000000/);
		await expect(page.locator('[data-total="edge"]')).toContainText('$');
		await expect(page.getByRole('img', { name: /Monthly cost as traffic grows/ })).toBeVisible();
		await context.close();
	});

	test('exports CSV and Markdown for the same inputs', async ({ page, request }) => {
		await page.goto('/tools/hosting?requests=5000000');
		const csvHref = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
		const csv = await (await request.get(csvHref ?? '')).text();
		expect(csv.split('\r\n')[0]).toBe('Stack,Product,Item,Quantity,Unit,Unit price (USD),USD');
		const markdown = await (await request.get((csvHref ?? '').replace('.csv', '.md'))).text();
		expect(markdown).toContain('## Edge vs serverless hosting cost');
		expect(markdown).toContain('5,000,000 requests a month');
	});
});

test.describe('AI spend calculator', () => {
	test('shows the saving from a response cache as it changes', async ({ page }) => {
		await openLive(page, '/tools/ai-spend');
		const total = page.locator('.results .figure');
		const before = await total.textContent();
		await page.getByLabel(/Response cache hit rate/).fill('50');
		await expect(total).not.toHaveText(before ?? '');
		await expect(page.getByText(/Saved/)).toBeVisible();
		await expect(page).toHaveURL(/responseCacheHitPct=50/);
	});
});

test.describe('stack advisor', () => {
	test('recommends Laravel + Livewire first to a PHP team building a CRUD app, without JavaScript', async ({
		browser,
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/tools/stack-advisor');
		await page.getByLabel('PHP').check();
		await page.getByLabel('A business app of forms and tables').check();
		await page.getByLabel('Time to market').check();
		await page.getByRole('button', { name: 'Recommend stacks' }).click();
		const first = page.locator('.recommendations > li').first();
		await expect(first.getByRole('heading')).toContainText('Laravel + Livewire');
		await expect(first).toContainText('Your team knows PHP');
		await expect(first.getByRole('link', { name: 'Estimate its hosting cost' })).toHaveAttribute(
			'href',
			/\/tools\/hosting\?/,
		);
		const shared = await page.getByRole('link', { name: 'Link to these answers' }).getAttribute('href');
		await page.goto(shared ?? '');
		await expect(page.locator('.recommendations > li').first().getByRole('heading')).toContainText(
			'Laravel + Livewire',
		);
		await context.close();
	});
});
