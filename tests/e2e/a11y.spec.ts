import axe, { type AxeResults, type RunOptions } from 'axe-core';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signedFormToken } from '../support/form-token';
import { E2E_FORM_TOKEN_SECRET, E2E_OPERATOR_TOKEN } from '../playwright.config';

// axe-core over every page a visitor or an operator can reach, in both colour themes at a phone's
// width: WCAG 2.0, 2.1 and 2.2 at levels A and AA must find nothing. The tags are axe-core's
// (https://www.deque.com/axe/core-documentation/api-documentation/#axe-core-tags); WCAG 2.2 adds
// only AA rules (target size), so there is no wcag22a tag to ask for.
const AXE_OPTIONS: RunOptions = {
	runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
	// Details of failures only: the passes are not read, and serialising them doubles the time.
	resultTypes: ['violations'],
};

/** One line per failing element, so a developer can fix it from the report alone. */
interface Finding {
	url: string;
	theme: string;
	rule: string;
	impact: string;
	help: string;
	helpUrl: string;
	target: string;
	summary: string;
}

/** The two colour themes, as a visitor gets them: from the system's prefers-color-scheme. */
const THEMES = ['light', 'dark'] as const;

/**
 * Runs axe on the page as it is now, in each theme in turn; `label` names the state when the URL
 * alone does not. The themes differ only in colour custom properties (src/styles/tokens.css) and
 * nothing animates, so switching the emulated preference on the loaded page renders exactly what
 * a dark-theme visitor sees, without a second page load.
 */
async function findViolations(page: Page, label?: string): Promise<Finding[]> {
	// axe-core itself rather than @axe-core/playwright's AxeBuilder: AxeBuilder injects the
	// 0.5 MB script twice per run and, outside legacy mode, finishes in a new blank page; run
	// directly, a page took a quarter of the time (0.3 s against 1.3 s for the home page).
	// The site has no iframes, the one thing AxeBuilder's extra work is for.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
	await readThrough(page);
	const url = new URL(page.url());
	const findings: Finding[] = [];
	for (const theme of THEMES) {
		await page.emulateMedia({ colorScheme: theme });
		const { violations } = (await page.evaluate(
			(options) => (window as unknown as { axe: typeof axe }).axe.run(document, options),
			AXE_OPTIONS,
		)) as AxeResults;
		for (const rule of violations)
			for (const node of rule.nodes)
				findings.push({
					url: url.pathname + url.search + (label ? ` (${label})` : ''),
					theme,
					rule: rule.id,
					impact: rule.impact ?? 'unknown',
					help: rule.help,
					helpUrl: rule.helpUrl,
					target: node.target.join(' '),
					summary: node.failureSummary ?? '',
				});
	}
	return findings;
}

/**
 * Scrolls through the page a screen at a time, as a reader would, and back to the top. Guide
 * sections and line-item tables are laid out only near the viewport (`content-visibility: auto`);
 * until then they hold a placeholder height, and axe, measuring the boxes of what is inside them,
 * would find targets overlapping that no reader can reach. Once shown, each keeps its real size.
 */
async function readThrough(page: Page) {
	await page.evaluate(async () => {
		const lazy = [...document.querySelectorAll('section, div')].some(
			(element) => getComputedStyle(element).contentVisibility === 'auto',
		);
		if (!lazy) return;
		// A frame, or 100 ms if none comes: once, on a loaded CI machine, Chromium stopped
		// producing frames mid-scroll and the read-through waited out the test's two minutes.
		const nextFrame = () =>
			new Promise((resolve) => {
				requestAnimationFrame(resolve);
				setTimeout(resolve, 100);
			});
		const step = Math.max(innerHeight, 200);
		for (let top = 0; top < document.documentElement.scrollHeight && top < 200 * step; top += step) {
			scrollTo(0, top);
			await nextFrame();
			await nextFrame();
		}
		scrollTo(0, 0);
		await nextFrame();
	});
}

/** The findings as text: page, theme, rule, impact, what to do, and where. */
function describeFindings(findings: Finding[]): string {
	return findings
		.map(
			(f) =>
				`${f.url} [${f.theme}, ${VIEWPORT.width}px] ${f.rule} (${f.impact}): ${f.help}\n` +
				`  at ${f.target}\n  ${f.summary.replace(/\n/g, '\n  ')}\n  ${f.helpUrl}`,
		)
		.join('\n\n');
}

/** Opens a page and waits until its islands have hydrated (Astro drops the ssr attribute). */
async function open(page: Page, path: string) {
	const response = await page.goto(path);
	expect(response?.status(), `${path} answers`).toBeLessThan(500);
	await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Opens every closed <details>, so the formula and other content on demand are checked too. */
async function openAllDetails(page: Page) {
	await page
		.locator('details:not([open])')
		.evaluateAll((all) => all.forEach((details) => details.setAttribute('open', '')));
}

/** The paths listed in the served sitemap. */
async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
	const xml = await (await request.get('/sitemap.xml')).text();
	return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '').pathname);
}

/** Sends an inquiry as the contact form would, for its receipt and console page. */
async function sendInquiry(request: APIRequestContext): Promise<string> {
	const posted = await request.post('/api/inquiries', {
		data: {
			name: 'Ada Axe',
			email: 'axe@example.com',
			projectType: 'integrations',
			budget: '10k-50k',
			timeline: '1-3-months',
			message: 'An inquiry to check the receipt and the console for accessibility.',
			consent: true,
			formToken: await signedFormToken(E2E_FORM_TOKEN_SECRET),
		},
	});
	expect(posted.status()).toBe(202);
	return ((await posted.json()) as { id: string }).id;
}

/** Starts a full report; its page is checked once the report is built. */
async function startReport(request: APIRequestContext): Promise<{ statusUrl: string; reportUrl: string }> {
	const posted = await request.post('/api/reports', {
		data: { calculator: 'hosting', values: { requests: 8_000_000 } },
	});
	expect(posted.status()).toBe(202);
	return (await posted.json()) as { statusUrl: string; reportUrl: string };
}

async function waitForReport(request: APIRequestContext, statusUrl: string) {
	await expect(async () => {
		const job = (await (await request.get(statusUrl)).json()) as { state: string };
		expect(job.state).toBe('succeeded');
	}).toPass({ timeout: 20_000 });
}

const VIEWPORT = { width: 360, height: 800 };
/** A guide's own page, not the guides index or a topic. */
const GUIDE = /^\/guides\/(?!tags\/)[^/]+$/;

test.use({ viewport: VIEWPORT });
// A page at a time, a second or two each on a busy machine: longer than the default 30 s.
test.describe.configure({ timeout: 120_000 });

test.describe(`accessibility in both themes at ${VIEWPORT.width}px`, () => {
	// The sitemap in three parts of about equal work, so both workers stay busy: the guides are
	// long (two halves), the other pages (home, topics, authors, the 404 page) short.
	const guidesIn = (paths: string[]) => paths.filter((path) => GUIDE.test(path));
	const SITEMAP_PARTS: Record<string, (paths: string[]) => string[]> = {
		'half of the guides in the sitemap have': (paths) =>
			guidesIn(paths).filter((_, index) => index % 2 === 0),
		'the other half of the guides have': (paths) => guidesIn(paths).filter((_, index) => index % 2 === 1),
		// The tools and the contact form are checked in their own test, with values and errors showing.
		'the other pages in the sitemap and the 404 page have': (paths) => [
			...paths.filter((path) => !GUIDE.test(path) && !/^\/(tools|contact)\b/.test(path)),
			'/this-page-does-not-exist',
		],
	};
	for (const [part, pick] of Object.entries(SITEMAP_PARTS)) {
		test(`${part} no WCAG 2.2 AA violations`, async ({ page, request }) => {
			const paths = pick(await sitemapPaths(request));
			expect(paths.length).toBeGreaterThan(5);
			const findings: Finding[] = [];
			for (const path of paths) {
				await open(page, path);
				findings.push(...(await findViolations(page)));
			}
			expect(findings, describeFindings(findings)).toEqual([]);
		});
	}

	test('the tools, the contact form, a receipt, a report and search results have none', async ({
		page,
		request,
	}) => {
		const report = await startReport(request);
		const inquiry = await sendInquiry(request);
		const findings: Finding[] = [];
		const check = async (label?: string) => findings.push(...(await findViolations(page, label)));

		for (const path of [
			'/tools',
			'/tools/hosting?requests=8000000',
			'/tools/ai-spend?model=claude-sonnet-4-5&requestsPerDay=1000',
			'/tools/database?dataGb=400',
			// An out-of-range value: the error summary and the message beside the field.
			'/tools/downtime?revenueAffectedPct=150',
			'/tools/estimate?item=hosting%3Acloudflare%3Arequests%3D5000000&item=database%3Aneon%3AdataGb%3D5',
		]) {
			await open(page, path);
			await openAllDetails(page);
			await check();
		}

		await open(page, '/tools/stack-advisor');
		await check();
		await page.getByLabel('PHP').check();
		await page.getByLabel('A business app of forms and tables').check();
		await page.getByRole('button', { name: 'Recommend stacks' }).click();
		await expect(page.locator('.recommendations > li').first()).toBeVisible();
		await check('recommendations');

		await open(page, '/contact');
		await check();
		await page.getByRole('button', { name: 'Send inquiry' }).click();
		await expect(page.getByRole('alert')).toBeFocused();
		await check('with its errors showing');

		await open(page, '/search?q=idempotency');
		await expect(page.locator('guide-search .results li').first()).toBeVisible();
		await check('results');

		await open(page, `/inquiries/${inquiry}`);
		await check();

		await waitForReport(request, report.statusUrl);
		await open(page, report.reportUrl);
		await check();

		expect(findings, describeFindings(findings)).toEqual([]);
	});

	test('every operator console page has none', async ({ browser, request }) => {
		const inquiry = await sendInquiry(request);
		const context = await browser.newContext({
			viewport: VIEWPORT,
			httpCredentials: { username: 'e2e-operator', password: E2E_OPERATOR_TOKEN },
		});
		const page = await context.newPage();
		const findings: Finding[] = [];
		for (const path of [
			'/admin',
			'/admin/inquiries',
			`/admin/inquiries/${inquiry}`,
			'/admin/jobs?state=failed',
			'/admin/jobs?state=succeeded',
			'/admin/dead-letters',
			'/admin/spam',
			'/admin/prices',
			'/admin/audit',
		]) {
			await open(page, path);
			await openAllDetails(page);
			findings.push(...(await findViolations(page)));
		}
		await context.close();
		expect(findings, describeFindings(findings)).toEqual([]);
	});
});
