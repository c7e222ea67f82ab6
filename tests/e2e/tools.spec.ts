import { expect, test, type Page } from '@playwright/test';

/** Opens a calculator and waits until its islands (the calculator, the estimate tray) have hydrated: Astro drops the ssr attribute. */
async function openLive(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
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

	test('an old link naming a retired model still opens, says it retired, and re-prices with its successor in one click', async ({
		page,
	}) => {
		await page.goto('/tools/ai-spend?model=claude-sonnet-4-5&requestsPerDay=1000');
		await expect(page.getByLabel('Model', { exact: true })).toHaveValue('claude-sonnet-4-5');
		await expect(page.getByText(/Claude Sonnet 4\.5 retired on 2026-11-30/)).toBeVisible();
		await page.getByRole('link', { name: 'Re-price with Claude Sonnet 5.5' }).click();
		await expect(page).toHaveURL(/model=claude-sonnet-5-5/);
		await expect(page.getByLabel('Model', { exact: true })).toHaveValue('claude-sonnet-5-5');
		await expect(page.getByText(/retired on/)).toHaveCount(0);
	});

	test('explains, next to the field and without JavaScript, why a short prefix is not cached', async ({
		browser,
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		// The "Ticket classification" preset on the models the calculator used to default to.
		await page.goto(
			'/tools/ai-spend?requestsPerDay=100000&inputTokens=800&outputTokens=20&cachedPrefixPct=85&routedPct=80&model=claude-sonnet-4-5&cheapModel=claude-haiku-4-5',
		);
		const field = page.locator('.field', { has: page.getByLabel(/Cacheable prompt prefix/) });
		await expect(field).toContainText(
			'The repeated prefix is 680 tokens, and Claude Sonnet 4.5 caches nothing shorter than 1,024',
		);
		await expect(page.locator('.results .figure')).toHaveText('$3,835.05');
		await context.close();
	});

	test('picking a deprecated model shows when it retires and prices its successor beside it', async ({
		page,
		request,
	}) => {
		// Whichever model is deprecated on the day the test runs, so the test does not age.
		const { models } = (await (await request.get('/api/price/models')).json()) as {
			models: { id: string; name: string; status: string; retiresOn: string; successor: string }[];
		};
		const deprecated = models.find((model) => model.status === 'deprecated' && model.successor);
		test.skip(!deprecated, 'no model is deprecated today');
		const successor = models.find((model) => model.id === deprecated?.successor);
		await openLive(page, '/tools/ai-spend');
		await page.getByLabel('Model', { exact: true }).selectOption(deprecated!.id);
		await expect(
			page.getByText(`${deprecated!.name} is deprecated and retires on ${deprecated!.retiresOn}`),
		).toBeVisible();
		await expect(page.getByText(`With ${successor!.name} instead`)).toBeVisible();
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
