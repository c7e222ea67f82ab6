import { expect, test, type Page } from '@playwright/test';
import { E2E_OPERATOR_TOKEN } from '../playwright.config';

// The price watch as its two audiences see it: the operator checks every sheet from the console
// (no JavaScript needed) and acknowledges a difference; a reader of a guide or a tool that uses
// the sheet sees the amber "prices under review" notice until then. The e2e server reads the
// recorded upstreams of the mock services, whose genai-prices data differs from our Anthropic sheet.

const anthropicRows = (page: Page) =>
	page.getByRole('row').filter({ has: page.locator('code', { hasText: /^llm-anthropic$/ }) });

test('a check finds drift in the console, readers see it noted, and acknowledging it clears the note', async ({
	browser,
	page: reader,
}) => {
	test.setTimeout(90_000);
	const operator = await browser.newContext({
		javaScriptEnabled: false,
		httpCredentials: { username: 'e2e-operator', password: E2E_OPERATOR_TOKEN },
	});
	const console = await operator.newPage();
	await console.goto('/admin/prices');
	await console.getByRole('button', { name: 'Check all sheets now' }).click();
	await expect(console.getByRole('status')).toContainText(/Checking \d+ price sheets now/);

	const sheetRow = console
		.getByRole('table', { name: 'Sheets' })
		.getByRole('row')
		.filter({ hasText: 'llm-anthropic' });
	await expect(async () => {
		await console.reload();
		await expect(sheetRow.getByText('drift', { exact: true })).toBeVisible({ timeout: 500 });
	}).toPass({ timeout: 60_000 });
	await expect(anthropicRows(console).filter({ hasText: 'claude-sonnet-5' }).first()).toBeVisible();

	const today = new Date().toISOString().slice(0, 10);
	for (const path of ['/guides/your-app-is-glue-code', '/tools/ai-spend']) {
		await reader.goto(path);
		const notice = reader.getByRole('note').filter({ hasText: 'Prices under review.' });
		await expect(notice).toBeVisible();
		await expect(notice.getByRole('link', { name: /^Anthropic / })).toHaveAttribute(
			'href',
			/^https:\/\/platform\.claude\.com\//,
		);
		await expect(notice.locator(`time[datetime="${today}"]`).first()).toBeVisible();
	}

	// The operator judges every Anthropic difference; the notice no longer names Anthropic.
	const acknowledge = anthropicRows(console).getByRole('button', { name: 'Acknowledge' });
	while ((await acknowledge.count()) > 0) {
		await acknowledge.first().click();
		await expect(console.getByRole('status')).toContainText('Acknowledged: llm-anthropic');
	}
	await reader.goto('/guides/your-app-is-glue-code');
	await expect(reader.getByRole('main')).toBeVisible();
	await expect(
		reader.getByRole('note').filter({ hasText: /Prices under review[\s\S]*Anthropic/ }),
	).toHaveCount(0);
	await operator.close();
});
