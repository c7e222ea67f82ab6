import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';

/** Every guide in content/guides is published, so each feed lists this many. */
const GUIDES = readdirSync(new URL('../../content/guides/', import.meta.url)).filter(
	(name) => name.endsWith('.mdx') && !name.startsWith('_'),
).length;

test.describe('reading guides', () => {
	test('a reader goes from the guides index to a guide and on to the next part', async ({ page }) => {
		await page.goto('/guides');
		await page.getByRole('link', { name: 'Async processing that never loses a job' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Async processing that never loses a job',
		);
		const series = page.getByRole('navigation', { name: 'Series: Choosing and building' });
		await expect(series).toContainText('Part 3 of 4');
		await series.getByRole('link', { name: /Next/ }).click();
		await expect(page).toHaveURL(/\/guides\/services-and-communication$/);
	});

	test('the table of contents is a side column on wide screens and a disclosure on phones', async ({
		page,
	}) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto('/guides/observability');
		const wide = page.getByRole('navigation', { name: 'On this page' });
		await expect(wide).toBeVisible();
		await wide.getByRole('link', { name: 'An open-source stack, piece by piece' }).click();
		await expect(page).toHaveURL(/#an-open-source-stack-piece-by-piece$/);

		await page.setViewportSize({ width: 360, height: 740 });
		await expect(wide).toBeHidden();
		const narrow = page.locator('details.toc');
		await expect(narrow).toBeVisible();
		await narrow.locator('summary').click();
		await expect(narrow.getByRole('link', { name: 'Checklist' })).toBeVisible();
	});

	test('guide pages load no script', async ({ page }) => {
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(request.url());
		});
		for (const slug of ['choosing-a-stack', 'infrastructure-costs', 'security-posture']) {
			await page.goto(`/guides/${slug}`);
		}
		expect(scripts).toEqual([]);
		await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
	});
});

test.describe('search', () => {
	test('finds a guide by a word that appears only in its body', async ({ page }) => {
		await page.goto('/search');
		await page.getByLabel('Words to look for').fill('ClickHouse');
		const results = page.locator('guide-search .results');
		await expect(
			results.getByRole('link', { name: 'Databases and storage at scale, one step at a time' }),
		).toBeVisible();
		await expect(page.getByRole('status')).toContainText('found for “ClickHouse”');
		await results.getByRole('link').first().click();
		await expect(page).toHaveURL(/\/guides\/databases-at-scale$/);
	});

	test('runs the query from the URL, so a search can be shared', async ({ page }) => {
		await page.goto('/search?q=idempotency');
		await expect(page.getByLabel('Words to look for')).toHaveValue('idempotency');
		await expect(page.locator('guide-search .results li').first()).toBeVisible();
	});

	test('says so when nothing matches', async ({ page }) => {
		await page.goto('/search?q=zzyzxqqq');
		await expect(page.getByRole('status')).toHaveText('No guides mention “zzyzxqqq”.');
	});
});

test.describe('feeds', () => {
	for (const [path, root, itemSelector] of [
		['/rss.xml', 'rss', 'item'],
		['/sitemap.xml', 'urlset', 'url'],
	] as const) {
		test(`${path} parses as XML and lists every published guide`, async ({ page, request }) => {
			const xml = await (await request.get(path)).text();
			await page.goto('/');
			const parsed = await page.evaluate(
				([text, item]) => {
					const doc = new DOMParser().parseFromString(text, 'application/xml');
					const links = [...doc.querySelectorAll(item)].map(
						(node) => node.querySelector('link, loc')?.textContent ?? '',
					);
					return {
						error: doc.querySelector('parsererror')?.textContent ?? null,
						root: doc.documentElement.nodeName,
						links,
					};
				},
				[xml, itemSelector] as const,
			);
			expect(parsed.error).toBeNull();
			expect(parsed.root).toBe(root);
			const guides = parsed.links.filter((link) => /\/guides\/[a-z-]+$/.test(link));
			expect(guides).toHaveLength(GUIDES);
		});
	}
});
