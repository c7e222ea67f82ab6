import { readFields, type Field, type FieldValues } from './fields.ts';

/**
 * Everything a calculator page hands its island: valid values, errors, and what the visitor
 * typed into the fields that were wrong (so the form shows their text, not the default).
 */
export function readCalculatorStart<T extends FieldValues>(
	fields: readonly Field[],
	params: URLSearchParams,
) {
	const state = readFields<T>(fields, (name) => params.get(name));
	const typed: Partial<Record<string, string>> = {};
	for (const name of Object.keys(state.errors)) typed[name] = params.get(name) ?? '';
	return { initial: state.values, errors: state.errors as Partial<Record<string, string>>, typed };
}
