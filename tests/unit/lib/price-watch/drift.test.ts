import { describe, expect, it } from 'vitest';
import { diffPrices, judgeCheck, lifecycleChanges, type CheckFacts } from '~/lib/price-watch/drift';

const observed = (prices: { item: string; field: string; usd: number }[], listed = ['opus']) => ({
	listed: new Set(listed),
	prices,
	lifecycle: [],
});

describe('diffPrices', () => {
	const ours = [
		{ item: 'opus', field: 'input', usd: 5 },
		{ item: 'opus', field: 'output', usd: 25 },
		{ item: 'sonnet', field: 'input', usd: 3 },
	];

	it('finds nothing when the upstream agrees, rounding aside', () => {
		expect(diffPrices(ours, observed([{ item: 'opus', field: 'input', usd: 5.000000000001 }]))).toEqual([]);
	});

	it('records each price that differs, with both values', () => {
		expect(
			diffPrices(
				ours,
				observed([
					{ item: 'opus', field: 'input', usd: 4 },
					{ item: 'opus', field: 'output', usd: 25 },
				]),
			),
		).toEqual([{ item: 'opus', field: 'input', ours: 5, theirs: 4 }]);
	});

	it('records a price only the upstream has (the sheet may lack a cache price), not one only we have', () => {
		expect(diffPrices(ours, observed([{ item: 'opus', field: 'cacheRead', usd: 0.5 }]))).toEqual([
			{ item: 'opus', field: 'cacheRead', ours: null, theirs: 0.5 },
		]);
	});

	it('ignores items the upstream does not list and items we do not sell', () => {
		const prices = [
			{ item: 'sonnet', field: 'input', usd: 9 },
			{ item: 'haiku', field: 'input', usd: 1 },
		];
		expect(diffPrices(ours, observed(prices, ['opus', 'haiku']))).toEqual([]);
	});
});

describe('lifecycleChanges', () => {
	const ours = new Map([
		['a', 'current'],
		['b', 'deprecated'],
		['c', 'retired'],
	] as const);

	it('reports a model the upstream puts further along than we do', () => {
		expect(
			lifecycleChanges(ours, {
				lifecycle: [
					{ item: 'a', status: 'deprecated' },
					{ item: 'b', status: 'retired' },
					{ item: 'c', status: 'deprecated' },
					{ item: 'unknown', status: 'retired' },
				],
			}),
		).toEqual([
			{ item: 'a', ours: 'current', theirs: 'deprecated' },
			{ item: 'b', ours: 'deprecated', theirs: 'retired' },
		]);
	});
});

describe('judgeCheck', () => {
	const fresh: CheckFacts = {
		read: true,
		openDrift: 0,
		upstreamAsOf: new Date('2026-11-20'),
		staleAfterDays: 30,
		sourceChangedSince: false,
		now: new Date('2026-11-30'),
	};

	it('is ok when a fresh upstream agrees', () => expect(judgeCheck(fresh)).toBe('ok'));

	it('is failing when the upstream could not be read, whatever else is known', () =>
		expect(judgeCheck({ ...fresh, read: false, openDrift: 3 })).toBe('failing'));

	it('is drift while a difference is open, even in old data', () =>
		expect(judgeCheck({ ...fresh, openDrift: 1, upstreamAsOf: new Date('2026-01-01') })).toBe('drift'));

	it('is stale, never ok, when the upstream is older than its threshold', () => {
		expect(judgeCheck({ ...fresh, upstreamAsOf: new Date('2026-10-30T23:59:59Z') })).toBe('stale');
		expect(judgeCheck({ ...fresh, upstreamAsOf: new Date('2026-10-31') })).toBe('ok');
	});

	it('is source-changed when a watched document changed after the sheet was checked', () =>
		expect(judgeCheck({ ...fresh, upstreamAsOf: null, staleAfterDays: null, sourceChangedSince: true })).toBe(
			'source-changed',
		));
});
