import type { Field } from './fields.ts';

/** Errors by field, as a list with each field's label, for an error summary. */
export function listErrors(fields: readonly Field[], errors: Partial<Record<string, string>>) {
	return fields.flatMap((field) => {
		const message = errors[field.name];
		return message ? [{ name: field.name, label: field.label, message }] : [];
	});
}
