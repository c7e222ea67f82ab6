import { describe, expect, it } from 'vitest';
import { CALCULATORS } from '~/lib/calculators/registry';
import { isoDay, type PriceCatalog } from '~/lib/pricing/catalog';
import { checkCatalog } from '~/lib/pricing/catalog-check';
import { loadPriceCatalog } from '../../../../scripts/lib/content-data';

const calculators = Object.values(CALCULATORS);

/** The real sheets, with one model or sheet changed, checked on a chosen day. */
function catalogOn(today: string, change: (catalog: PriceCatalog) => PriceCatalog = (c) => c): PriceCatalog {
	return change(loadPriceCatalog(today));
}
const withModel = (id: string, patch: Record<string, unknown>) => (catalog: PriceCatalog) => ({
	...catalog,
	llm: catalog.llm.map((sheet) => ({
		...sheet,
		models: sheet.models.map((model) => (model.id === id ? { ...model, ...patch } : model)),
	})),
});

describe('checkCatalog', () => {
	it('passes on the day the sheets were checked', () => {
		expect(checkCatalog(catalogOn('2026-11-30'), calculators)).toEqual([]);
	});

	it('calls a sheet stale the day after its review date, naming the source to check', () => {
		// LLM sheets are reviewed every 90 days: 2026-11-30 + 90 = 2027-02-28.
		expect(checkCatalog(catalogOn('2027-02-28'), calculators).filter((p) => p.file.includes('llm-'))).toEqual(
			[],
		);
		const problems = checkCatalog(catalogOn('2027-03-01'), calculators);
		expect(problems).toContainEqual({
			file: 'pricing/llm-anthropic.yaml',
			message: expect.stringMatching(
				/^stale: prices last checked 2026-11-30, due for a re-check by 2027-02-28 \(every 90 days\)\. Check every value against https:\/\/platform\.claude\.com/,
			),
		});
		// Cloud sheets have 180 days, so they are still fine.
		expect(problems.some((problem) => problem.file === 'pricing/aws-s3.yaml')).toBe(false);
	});

	it('fails when a calculator default names a model that retires within 30 days', () => {
		const catalog = catalogOn(
			'2026-11-30',
			withModel('claude-sonnet-5-5', { retiresOn: '2026-12-20', successor: 'claude-opus-5-5' }),
		);
		expect(checkCatalog(catalog, calculators)).toContainEqual({
			file: 'calculators/ai-spend',
			message:
				'default of model names Claude Sonnet 5.5, which retires on 2026-12-20, within 30 days (20 days left): pick a current model such as its successor claude-opus-5-5',
		});
	});

	it('fails when a default is deprecated or retired', () => {
		const catalog = catalogOn(
			'2026-11-30',
			withModel('claude-haiku-5-5', {
				status: 'deprecated',
				deprecatedOn: '2026-11-01',
				retiresOn: '2027-06-01',
				successor: 'claude-sonnet-5-5',
			}),
		);
		expect(checkCatalog(catalog, calculators).map((problem) => problem.message)).toContainEqual(
			expect.stringContaining(
				'default of cheapModel names Claude Haiku 5.5, which is deprecated (retires 2027-06-01)',
			),
		);
	});

	it('fails when a preset names a model that is going away', () => {
		const preset = { id: 'legacy-preset', label: 'Old', values: { model: 'claude-sonnet-4-5' } };
		const withPreset = { ...CALCULATORS['ai-spend'], presets: [...CALCULATORS['ai-spend'].presets, preset] };
		expect(
			checkCatalog(catalogOn('2026-11-30'), [withPreset]).map((problem) => problem.message),
		).toContainEqual(
			expect.stringContaining(
				'preset legacy-preset, model names Claude Sonnet 4.5, which retired on 2026-11-30',
			),
		);
	});

	it('catches lifecycle data that cannot be right', () => {
		const catalog = catalogOn('2026-11-30', withModel('gpt-5', { successor: 'gpt-9' }));
		expect(checkCatalog(catalog, calculators)).toContainEqual({
			file: 'pricing/llm-openai.yaml',
			message: 'gpt-5: successor "gpt-9" is not a model on any sheet',
		});
	});

	it('finds nothing wrong with the real sheets today (this is the check that fails when prices go stale)', () => {
		expect(checkCatalog(loadPriceCatalog(isoDay(new Date())), calculators)).toEqual([]);
	});
});
