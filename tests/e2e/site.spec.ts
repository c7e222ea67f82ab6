import { expect, test } from '@playwright/test';
import { CONTENT_PAGES } from './content-pages';

test.describe('home page', () => {
	test('says what the site offers', async ({ page }) => {
		await page.goto('/');
		await expect(page).toHaveTitle('Loadbearing');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'Build systems that hold up under real load.',
		);
		for (const offer of [
			'Field notes for systems under load',
			'Calculators that show their working',
			'A project inquiry you can track',
		]) {
			await expect(page.getByRole('heading', { name: offer })).toBeVisible();
		}
	});

	test('links only to pages that exist', async ({ page, request }) => {
		for (const path of ['/', '/about', '/status', '/guides', '/search', '/no-such-page']) {
			await page.goto(path);
			const hrefs = await page
				.locator('a[href^="/"]')
				.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
			for (const href of new Set(hrefs)) {
				const target = (href ?? '').split('#')[0] || path;
				expect((await request.get(target)).status(), `${href} linked from ${path}`).toBe(200);
			}
		}
	});
});

test.describe('navigation and accessibility', () => {
	test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
		await page.goto('/about');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/#main$/);
		await expect(page.locator('main')).toBeFocused();
	});

	test('focused links show a visible outline', async ({ page }) => {
		await page.goto('/');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		const outline = await page.evaluate(
			() => getComputedStyle(document.activeElement as Element).outlineStyle,
		);
		expect(outline).toBe('solid');
	});

	test('the header navigation marks the current page', async ({ page }) => {
		await page.goto('/about');
		const nav = page.getByRole('navigation', { name: 'Main' });
		await expect(nav.getByRole('link', { name: 'About' })).toHaveAttribute('aria-current', 'page');
		await expect(nav.getByRole('link', { name: 'Guides' })).not.toHaveAttribute('aria-current', 'page');
		await page.goto('/guides/observability');
		await expect(nav.getByRole('link', { name: 'Guides' })).toHaveAttribute('aria-current', 'page');
	});

	test('an unknown address shows the 404 page with a way back', async ({ page }) => {
		const response = await page.goto('/guides/not-written-yet');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await page.getByRole('link', { name: 'Go to the home page' }).click();
		await expect(page).toHaveURL(/\/$/);
	});

	test('the status page reports the live checks', async ({ page }) => {
		await page.goto('/status');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('All systems working');
		await expect(page.getByRole('row', { name: /Database Working/ })).toBeVisible();
	});
});

test.describe('zero JavaScript on content pages', () => {
	for (const path of CONTENT_PAGES) {
		test(`${path} loads no script`, async ({ page }) => {
			const scripts: string[] = [];
			page.on('request', (request) => {
				if (request.resourceType() === 'script') scripts.push(request.url());
			});
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			expect(scripts).toEqual([]);
			await expect(page.locator('script:not([type="application/ld+json"])')).toHaveCount(0);
		});
	}
});

test.describe('first paint', () => {
	const pages = [
		...CONTENT_PAGES,
		'/guides/observability',
		'/tools/hosting',
		'/tools/stack-advisor',
		'/contact',
	];
	for (const path of pages) {
		test(`${path} is styled by inline styles the CSP allows, with no stylesheet to wait for`, async ({
			page,
		}) => {
			const violations: string[] = [];
			page.on('console', (message) => {
				if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
			});
			const stylesheets: string[] = [];
			page.on('request', (request) => {
				if (request.resourceType() === 'stylesheet') stylesheets.push(request.url());
			});
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			expect(violations).toEqual([]);
			expect(stylesheets).toEqual([]);
			// The site's own styles applied: the paper background, and the skip link kept out of sight.
			expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
				'rgb(251, 250, 247)',
			);
			await expect(page.locator('.skip-link')).toHaveCSS('position', 'absolute');
		});
	}

	for (const path of ['/tools/hosting', '/contact']) {
		test(`${path} paints its server-rendered form before it fetches any island script`, async ({ page }) => {
			await page.goto(path);
			// Hydrated: the estimate tray's island has run (Astro drops `ssr` once it has).
			await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
			const { firstPaint, scriptStarts } = await page.evaluate(() => ({
				firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
				scriptStarts: performance
					.getEntriesByType('resource')
					.filter((entry) => entry.name.includes('/_astro/') && entry.name.endsWith('.js'))
					.map((entry) => entry.startTime),
			}));
			expect(scriptStarts.length).toBeGreaterThan(0);
			for (const start of scriptStarts) expect(start).toBeGreaterThanOrEqual(firstPaint);
		});
	}
});

test.describe('themes and small screens', () => {
	test('follows the system dark theme without JavaScript', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.goto('/');
		const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(background).toBe('rgb(20, 22, 26)');
		await page.emulateMedia({ colorScheme: 'light' });
		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
			'rgb(251, 250, 247)',
		);
	});

	test('never scrolls sideways on a 360 px phone', async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		// Content pages, and the tools, whose wide tables and charts must scroll inside their own box.
		const tools = [
			'/tools/hosting',
			'/tools/ai-spend',
			'/tools/downtime',
			'/tools/stack-advisor',
			'/contact',
		];
		for (const path of [...CONTENT_PAGES, ...tools]) {
			await page.goto(path);
			const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
			expect(overflow, path).toBeLessThanOrEqual(0);
		}
	});
});
