import { describe, expect, it } from 'vitest';
import { scenarioFigure } from '~/lib/calculators/figure-scenario';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const catalog = loadPriceCatalog('2026-11-30');
const workload = { requests: 30_000_000, cpuMsPerRequest: 10, durationMsPerRequest: 50, memoryMb: 512 };

describe('scenarioFigure', () => {
	it('works out a guide figure with the calculator and links the same scenario', () => {
		const edge = scenarioFigure(
			catalog,
			'hosting',
			{ ...workload, storageGb: 0, objectWrites: 0, objectReads: 0 },
			'edge',
		);
		// Workers Paid: $5 + 20 M requests × $0.30 + 270 M CPU ms × $0.02; R2 bills nothing here.
		expect(edge.usd).toBeCloseTo(16.4, 2);
		expect(edge.href).toMatch(/^\/tools\/hosting\?requests=30000000&cpuMsPerRequest=10&/);
		expect(edge.asOf).toBe('2026-11-30');
	});

	it('keeps defaults for inputs left out, toggles too (the free tier stays on)', () => {
		const serverless = scenarioFigure(catalog, 'hosting', { ...workload, responseKb: 1 }, 'serverless');
		expect(serverless.href).toContain('freeTier=on');
		const paid = scenarioFigure(
			catalog,
			'hosting',
			{ ...workload, responseKb: 1, freeTier: false },
			'serverless',
		);
		expect(paid.usd).toBeGreaterThan(serverless.usd);
	});

	it('stops the build with the calculator, field or figure at fault', () => {
		expect(() => scenarioFigure(catalog, 'hostin', {}, 'edge')).toThrow(/unknown calculator "hostin"/);
		expect(() => scenarioFigure(catalog, 'hosting', { request: 5 }, 'edge')).toThrow(/no input "request"/);
		expect(() => scenarioFigure(catalog, 'hosting', { requests: -5 }, 'edge')).toThrow(
			/requests: must not be negative/,
		);
		expect(() => scenarioFigure(catalog, 'hosting', {}, 'cloud')).toThrow(
			/no figure "cloud". Use one of: edge, serverless/,
		);
	});

	it('says when a sheet behind the figure is past its review date', () => {
		expect(scenarioFigure(loadPriceCatalog('2027-12-01'), 'hosting', {}, 'edge').stale).toBe(true);
	});
});
