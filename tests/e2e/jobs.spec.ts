import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_PORT } from '../playwright.config';
import { ROOT } from '../../scripts/lib/build';
import { randomHex } from '../support/random-hex';
import { queryLocalD1 } from '../support/server';

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

test.describe('the job watcher', () => {
	test('polls with If-None-Match, shows each change without a reload, and stops when the job is done', async ({
		page,
	}) => {
		// A report that has not started (no queue message): the page renders it queued, with the island.
		const id = `job_${randomHex()}`;
		const now = Date.now();
		const stateDir = join(ROOT, '.wrangler', `test-state-${E2E_PORT}`);
		queryLocalD1(
			stateDir,
			`INSERT INTO jobs (id, kind, subject_id, state, attempt, max_attempts, input, steps_total, created_at, updated_at)
			 VALUES ('${id}', 'report.build', 'rpt_${id.slice(4)}', 'queued', 0, 4, '{}', 10, ${now}, ${now})`,
		);
		const view = (patch: object) => ({
			id,
			kind: 'report.build',
			state: 'running',
			progress: { percent: 30, step: 'Pricing 0.5× the traffic', stepsDone: 3, stepsTotal: 10 },
			attempt: 1,
			maxAttempts: 4,
			nextRetryAt: null,
			lastError: null,
			createdAt: new Date(now).toISOString(),
			updatedAt: new Date(now).toISOString(),
			result: null,
			...patch,
		});
		// The server's answers, one per poll: running, then unchanged (304), then done.
		const seenIfNoneMatch: (string | null)[] = [];
		const answers = [
			{ status: 200, headers: { etag: '"a"', 'retry-after': '1' }, body: JSON.stringify(view({})) },
			{ status: 304, headers: { etag: '"a"', 'retry-after': '1' } },
			{
				status: 200,
				headers: { etag: '"b"' },
				body: JSON.stringify(
					view({
						state: 'succeeded',
						progress: { percent: 100, step: 'Done', stepsDone: 10, stepsTotal: 10 },
						result: { html: `/reports/${id}`, markdown: `/reports/${id}.md`, csv: `/reports/${id}.csv` },
					}),
				),
			},
		];
		await page.route(`**/api/jobs/${id}`, async (route) => {
			seenIfNoneMatch.push(route.request().headers()['if-none-match'] ?? null);
			const answer = answers.shift();
			if (!answer) return route.abort();
			await route.fulfill({ ...answer, contentType: 'application/json' });
		});
		let navigations = 0;
		page.on('framenavigated', () => navigations++);

		try {
			await page.goto(`/reports/${id}`);
			const bar = page.getByRole('progressbar', { name: /Report/ });
			await expect(bar).toHaveAttribute('value', '0');
			await expect(bar).toHaveAttribute('value', '30');
			await expect(page.getByText('Pricing 0.5× the traffic.')).toBeVisible();
			await expect(bar).toHaveAttribute('value', '100', { timeout: 10_000 });
			await expect(page.getByRole('link', { name: 'Download CSV' })).toBeVisible();
			await page.waitForTimeout(3000); // a finished job is not asked about again
			expect(seenIfNoneMatch).toEqual([null, '"a"', '"a"']);
			expect(navigations).toBe(1);
		} finally {
			queryLocalD1(stateDir, `DELETE FROM jobs WHERE id = '${id}'`);
		}
	});
});
