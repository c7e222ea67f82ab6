// Screenshots of every content page at phone and desktop widths, in both themes, for a
// person to look at before calling a page done: `npm run screenshots` (server must be built).
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { ensureFreshBuild } from '../../scripts/lib/build.ts';
import { startMockServices } from '../mocks/mock-services.ts';
import { queryLocalD1, startTestServer } from '../support/server.ts';
import { CONTENT_PAGES } from './content-pages.ts';

const outDir = new URL('../../test-results/screenshots/', import.meta.url).pathname;
mkdirSync(outDir, { recursive: true });
ensureFreshBuild();
const OPERATOR_TOKEN = 'screenshots-operator-token-0123';
// The mock upstreams, so a price check finds drift: the console and the pages' notes show it.
const mock = await startMockServices({ port: 4495, crmSigningSecret: 'unused', emailApiKey: 'unused' });
const server = await startTestServer({
	port: 4431,
	migrate: true,
	vars: { OPERATOR_TOKENS: `screenshots:${OPERATOR_TOKEN}`, PRICE_UPSTREAM_PROXY: `${mock.url}/upstreams` },
});

/** Runs the daily price check against the mocks and waits for its jobs. */
async function checkPrices() {
	await fetch(`${server.url}/cdn-cgi/handler/scheduled?cron=41+6+*+*+*`);
	for (let tries = 0; tries < 90; tries++) {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const [row] = queryLocalD1<{ pending: number }>(
			server.stateDir,
			"SELECT count(*) AS pending FROM jobs WHERE kind = 'price.watch' AND state IN ('queued', 'running', 'retrying')",
		);
		if (row?.pending === 0) return;
	}
	throw new Error('price checks did not finish');
}
await checkPrices();

/** A finished report to look at (and an operator console with something in it). */
async function finishedReportPath(): Promise<string> {
	const response = await fetch(`${server.url}/api/reports`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ calculator: 'hosting', values: {} }),
	});
	const { id, statusUrl, reportUrl } = (await response.json()) as {
		id: string;
		statusUrl: string;
		reportUrl: string;
	};
	for (let tries = 0; tries < 50; tries++) {
		const job = (await (await fetch(server.url + statusUrl)).json()) as { state: string };
		if (job.state === 'succeeded') return reportUrl;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`Report ${id} did not finish`);
}
const reportPath = await finishedReportPath();

/** An inquiry, for its receipt and its console page (with the erase form). */
async function inquiryId(): Promise<string> {
	const response = await fetch(`${server.url}/api/inquiries`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			name: 'Screenshot Person',
			email: 'screenshot@example.com',
			projectType: 'integrations',
			budget: '10k-50k',
			timeline: '1-3-months',
			message: 'An inquiry to look at in the console.',
			consent: true,
		}),
	});
	return ((await response.json()) as { id: string }).id;
}
const inquiry = await inquiryId();
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu'],
});
try {
	for (const colorScheme of ['light', 'dark'] as const) {
		for (const width of [360, 1280]) {
			const page = await browser.newPage({
				viewport: { width, height: 800 },
				colorScheme,
				extraHTTPHeaders: { authorization: `Bearer ${OPERATOR_TOKEN}` },
			});
			for (const path of [
				...CONTENT_PAGES,
				'/search?q=queue',
				'/contact',
				'/tools/ai-spend',
				'/guides/your-app-is-glue-code',
				reportPath,
				'/admin',
				'/admin/jobs?state=succeeded',
				'/admin/prices',
				`/inquiries/${inquiry}`,
				`/admin/inquiries/${inquiry}`,
			]) {
				await page.goto(server.url + path);
				await page.waitForLoadState('networkidle');
				const name = `${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}-${width}-${colorScheme}.png`;
				await page.screenshot({ path: outDir + name, fullPage: true });
				console.log(outDir + name);
			}
			await page.close();
		}
	}
} finally {
	await browser.close();
	await server.stop();
	await mock.stop();
}
