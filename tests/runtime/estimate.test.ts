import { signedFormToken } from '../support/form-token';
import { TEST_SECRETS } from './global-setup';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import type { PublicJob } from '~/lib/jobs/public-job';
import type { ProblemBody } from '~/lib/http/problem';
import type { MockState } from '../mocks/mock-services';
import { eventually, fetchJson, queryD1, url } from './http';

const mockUrl = () => inject('mockUrl');
beforeEach(async () => {
	await fetch(`${mockUrl()}/__reset`, { method: 'POST' });
});

const hostingItem = 'hosting:aws:requests=1000000&responseKb=30&storageGb=50';
const databaseItem = 'database:rds:dataGb=20&connections=120';
const estimate = new URLSearchParams([
	['item', hostingItem],
	['item', databaseItem],
]).toString();
const page = (path: string) => fetch(url(path), { redirect: 'manual' });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the database calculator', () => {
	it('renders every provider with the plan it needs, and refreshes its results alone', async () => {
		const html = await (await page('/tools/database?dataGb=20&ha=on')).text();
		expect(text(html)).toMatch(/Monthly cost, side by side/);
		expect(text(html)).toMatch(/db\.t4g\.large, Multi-AZ \(one standby\)/);
		expect(text(html)).toMatch(/Does not fit one database: 20 GB is past D1/);
		const partial = await page('/tools/database-results?dataGb=5');
		expect(partial.status).toBe(200);
		const fragment = await partial.text();
		expect(fragment).toMatch(/^\s*<section id="database-results"/);
		expect(fragment).not.toMatch(/<html/);
	});
});

describe('/tools/estimate', () => {
	it('adds a calculator result without JavaScript: a 303 to the estimate with the item', async () => {
		const response = await page(
			`/tools/estimate?dataGb=20&add=database&${new URLSearchParams([['item', hostingItem]])}`,
		);
		expect(response.status).toBe(303);
		const location = new URL(response.headers.get('location') ?? '', url('/'));
		const items = location.searchParams.getAll('item');
		expect(items[0]).toBe(hostingItem);
		expect(items[1]).toMatch(/^database:[a-z-]+:dataGb=20&/);
		const html = text(await (await page(location.pathname + location.search)).text());
		expect(html).toMatch(/Added to your estimate/);
		expect(html).toMatch(/Monthly bill \$[\d,.]+/);
	});

	it('lists the items with links back to each scenario, totals per provider, and actions', async () => {
		const response = await page(`/tools/estimate?${estimate}`);
		expect(response.status).toBe(200);
		const html = await response.text();
		expect(html).toContain('href="/tools/database?dataGb=20&amp;connections=120');
		expect(text(html)).toMatch(/Who is paid AWS: \$[\d,.]+ a month/);
		expect(html).toContain(`href="/contact?${estimate.replace(/&/g, '&amp;')}"`);
	});

	it('answers a malformed item with 400 naming it, and still prices the good ones', async () => {
		const response = await page(`/tools/estimate?item=${encodeURIComponent(hostingItem)}&item=nope`);
		expect(response.status).toBe(400);
		const html = text(await response.text());
		expect(html).toMatch(/item 2 must name an option after the calculator/);
		expect(html).toMatch(/Edge vs serverless hosting cost calculator/);
	});

	it('exports the estimate as CSV and Markdown', async () => {
		const csv = await (await page(`/tools/estimate.csv?estimate=${encodeURIComponent(estimate)}`)).text();
		const lines = csv.trim().split('\r\n');
		expect(lines[0]).toBe('Item,Tool,Scenario,Option,Provider,USD a month,Counted in the bill');
		expect(lines).toHaveLength(3);
		const markdown = await (await page(`/tools/estimate.md?estimate=${encodeURIComponent(estimate)}`)).text();
		expect(markdown).toMatch(/^## Stack estimate/);
	});

	it('builds one full report of every item across traffic levels', async () => {
		const reportEstimate = new URLSearchParams([
			['item', hostingItem],
			['item', 'downtime:target:revenuePerHour=1000'],
		]).toString();
		const { response, body } = await fetchJson<{ id: string; statusUrl: string } & ProblemBody>(
			'/api/reports',
			{
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ calculator: 'estimate', values: { estimate: reportEstimate } }),
			},
		);
		expect(response.status).toBe(202);
		await eventually(async () => {
			const { body: job } = await fetchJson<PublicJob>(body.statusUrl);
			return job.state === 'succeeded' ? job : undefined;
		}, 15_000);
		const csv = (await (await fetch(url(`/reports/${body.id}.csv`))).text()).trim().split('\r\n');
		expect(csv[0]).toBe('Traffic,Item,Provider,Option,USD a month');
		expect(csv).toHaveLength(1 + 10 * 2);
	});

	it('refuses a report for a malformed estimate with 400 naming it', async () => {
		const { response, body } = await fetchJson<ProblemBody>('/api/reports', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ calculator: 'estimate', values: { estimate: 'item=nope' } }),
		});
		expect(response.status).toBe(400);
		expect(body.error.field).toBe('estimate');
	});
});

describe('an inquiry with an estimate', () => {
	const inquiry = (extra: object) => ({
		name: 'Grace Hopper',
		email: 'grace@example.com',
		projectType: 'costs',
		budget: '10k-50k',
		timeline: 'asap',
		message: 'Is this the cheapest way to run our stack next year?',
		consent: true,
		...extra,
	});
	const post = async (body: object) =>
		fetchJson<{ id: string; statusUrl: string } & ProblemBody>('/api/inquiries', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...body, formToken: await signedFormToken(TEST_SECRETS.formToken) }),
		});

	it('stores it, shows it on the receipt, and sends its link to the CRM', async () => {
		const { response, body } = await post(inquiry({ estimate }));
		expect(response.status).toBe(202);
		expect(
			queryD1<{ estimate: string }>(`SELECT estimate FROM inquiries WHERE id = '${body.id}'`)[0]?.estimate,
		).toBe(estimate);
		const receipt = text(await (await fetch(url(body.statusUrl))).text());
		expect(receipt).toMatch(/The estimate you sent/);
		const lead = await eventually(async () => {
			const state = (await (await fetch(`${mockUrl()}/__state`)).json()) as MockState;
			return state.leads[body.id] as { estimateUrl?: string } | undefined;
		}, 15_000);
		expect(lead.estimateUrl).toBe(`https://loadbearing.dev/tools/estimate?${estimate}`);
	});

	it.each([
		['an unknown calculator', 'item=nope%3Ax%3A', /item 1 names no calculator "nope"/],
		['text that is not an estimate', 'hello', /query string of an estimate link/],
		['one too long', `item=${'x'.repeat(8001)}`, /longer than 8,000 characters/],
	])('answers %s with 400 naming the estimate, and stores nothing', async (_, value, message) => {
		const before = queryD1<{ n: number }>('SELECT count(*) AS n FROM inquiries')[0]?.n;
		const { response, body } = await post(inquiry({ estimate: value }));
		expect(response.status).toBe(400);
		expect(body.error.field).toBe('estimate');
		expect(body.error.message).toMatch(message);
		expect(queryD1<{ n: number }>('SELECT count(*) AS n FROM inquiries')[0]?.n).toBe(before);
	});
});
