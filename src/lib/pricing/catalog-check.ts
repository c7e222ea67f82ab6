// The checks that keep prices honest as the calendar moves: a sheet past its review date, a
// calculator default or preset naming a model that is going away, lifecycle data that cannot be
// right. `today` is a parameter, so the rules are tested on fixed days and run on the real one.
import type { Calculator } from '../calculators/define.ts';
import type { PriceCatalog } from './catalog.ts';
import { isoDay } from './catalog.ts';
import {
	allModels,
	daysBetween,
	findModel,
	isSafeDefault,
	RETIREMENT_WARNING_DAYS,
	statusOn,
} from './llm.ts';
import { reviewBy } from './staleness.ts';

/** Something an editor must fix, with the file it is in. */
export interface CatalogProblem {
	file: string;
	message: string;
}

const sheetFile = (id: string) => `pricing/${id}.yaml`;

/** Sheets past their review date, and sheets dated in the future. */
function checkReviewDates(catalog: PriceCatalog): CatalogProblem[] {
	return [...catalog.metered, ...catalog.llm].flatMap((sheet) => {
		const asOf = isoDay(sheet.asOf);
		const due = reviewBy(sheet);
		if (asOf > catalog.today)
			return [
				{
					file: sheetFile(sheet.id),
					message: `asOf ${asOf} is after today (${catalog.today}): fix the date`,
				},
			];
		if (due < catalog.today)
			return [
				{
					file: sheetFile(sheet.id),
					message: `stale: prices last checked ${asOf}, due for a re-check by ${due} (every ${sheet.reviewEveryDays} days). Check every value against ${sheet.source}, then set asOf to the day you did`,
				},
			];
		return [];
	});
}

/** Lifecycle data that contradicts itself: a successor nobody lists, a retired successor, a "retired" model still running. */
function checkLifecycles(catalog: PriceCatalog): CatalogProblem[] {
	return allModels(catalog.llm).flatMap(({ sheet, model }) => {
		const problems: string[] = [];
		if (model.successor) {
			const successor = findModel(catalog.llm, model.successor);
			if (!successor) problems.push(`successor "${model.successor}" is not a model on any sheet`);
			else if (statusOn(successor.model, catalog.today) === 'retired')
				problems.push(
					`successor ${successor.model.name} has retired too: name the model that replaces it now`,
				);
		}
		if (model.status === 'retired' && model.retiresOn && model.retiresOn > catalog.today)
			problems.push(`status is retired but retiresOn (${model.retiresOn}) is still ahead: use deprecated`);
		if (model.released > catalog.today) problems.push(`released ${model.released} is after today`);
		const changes = model.scheduled.map((change) => change.from);
		if (changes.some((from, index) => index > 0 && from <= changes[index - 1]!))
			problems.push('scheduled price changes must be in date order, earliest first');
		return problems.map((message) => ({ file: sheetFile(sheet.id), message: `${model.id}: ${message}` }));
	});
}

/**
 * Calculator defaults and presets that name a deprecated or retired model, or one retiring within
 * 30 days: a visitor who opens the calculator must never start from a model that is going away.
 */
function checkDefaults(catalog: PriceCatalog, calculators: readonly Calculator[]): CatalogProblem[] {
	return calculators.flatMap((calculator) => {
		const fields = calculator.fields(catalog);
		const named = fields.flatMap((field) =>
			field.kind === 'choice'
				? [
						{ where: `default of ${field.name}`, value: field.default },
						...calculator.presets.flatMap((preset) => {
							const value = preset.values[field.name];
							return typeof value === 'string'
								? [{ where: `preset ${preset.id}, ${field.name}`, value }]
								: [];
						}),
					]
				: [],
		);
		return named.flatMap(({ where, value }) => {
			const entry = findModel(catalog.llm, value);
			if (!entry || isSafeDefault(entry.model, catalog.today)) return [];
			const { model } = entry;
			const status = statusOn(model, catalog.today);
			const why =
				status === 'retired'
					? `retired on ${model.retiresOn}`
					: status === 'deprecated'
						? `is deprecated (retires ${model.retiresOn})`
						: `retires on ${model.retiresOn}, within ${RETIREMENT_WARNING_DAYS} days (${daysBetween(catalog.today, model.retiresOn ?? catalog.today)} days left)`;
			return [
				{
					file: `calculators/${calculator.slug}`,
					message: `${where} names ${model.name}, which ${why}: pick a current model${model.successor ? ` such as its successor ${model.successor}` : ''}`,
				},
			];
		});
	});
}

/** Every pricing problem on `catalog.today`, all at once. */
export function checkCatalog(catalog: PriceCatalog, calculators: readonly Calculator[]): CatalogProblem[] {
	return [...checkReviewDates(catalog), ...checkLifecycles(catalog), ...checkDefaults(catalog, calculators)];
}
