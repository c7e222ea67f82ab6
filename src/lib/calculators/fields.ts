// Calculator inputs, described once and read the same way on the server (GET form, shared URL)
// and in the browser. Free of zod so the calculators' browser bundles stay small.

interface BaseField {
	name: string;
	label: string;
	hint: string;
}

export interface NumberField extends BaseField {
	kind: 'number';
	unit: string;
	default: number;
	min?: number;
	max?: number;
	integer?: boolean;
	/** Input step for the browser's number field; "any" by default. */
	step?: number;
	/** Plan limits: above `value`, `message` is shown as a warning (the input stays valid). */
	warnAbove?: readonly { value: number; message: string }[];
}

/** One choice; `group` puts it under a heading, `hidden` keeps it valid but unlisted unless chosen. */
export interface ChoiceOption {
	value: string;
	label: string;
	group?: string;
	hidden?: boolean;
}

export interface ChoiceField extends BaseField {
	kind: 'choice';
	options: readonly ChoiceOption[];
	default: string;
}

export interface ToggleField extends BaseField {
	kind: 'toggle';
	default: boolean;
}

export type Field = NumberField | ChoiceField | ToggleField;

export type FieldValues = Record<string, number | string | boolean>;

/** What a form or URL yielded: values to use (defaults where invalid), errors by field, and whether the URL had any input. */
export interface FieldState<T extends FieldValues> {
	values: T;
	errors: Partial<Record<keyof T & string, string>>;
	fromUrl: boolean;
}

/** The problem with a raw value for a field, or undefined if it is fine. */
export function checkField(field: Field, raw: string): string | undefined {
	if (field.kind === 'toggle') return undefined;
	if (field.kind === 'choice') {
		return field.options.some((option) => option.value === raw)
			? undefined
			: `must be one of ${field.options
					.filter((option) => !option.hidden)
					.map((option) => option.label)
					.join(', ')}`;
	}
	if (raw.trim() === '') return 'enter a number';
	const value = Number(raw);
	if (!Number.isFinite(value)) return 'must be a number';
	if (field.integer && !Number.isInteger(value)) return 'must be a whole number';
	if (field.min !== undefined && value < field.min)
		return field.min === 0 ? 'must not be negative' : `must be at least ${field.min.toLocaleString('en-US')}`;
	if (field.max !== undefined && value > field.max)
		return `must be at most ${field.max.toLocaleString('en-US')}`;
	return undefined;
}

/**
 * Reads every field through `get` (URLSearchParams.get, or a form's values). Missing fields take
 * their defaults, except toggles, which a submitted form leaves out when unchecked. Invalid
 * values are reported and replaced by the default, so results are always shown.
 */
export function readFields<T extends FieldValues>(
	fields: readonly Field[],
	get: (name: string) => string | null,
): FieldState<T> {
	const fromUrl = fields.some((field) => get(field.name) !== null);
	const values: FieldValues = {};
	const errors: Record<string, string> = {};
	for (const field of fields) {
		const raw = get(field.name);
		if (field.kind === 'toggle') {
			values[field.name] = fromUrl ? raw !== null && raw !== 'false' && raw !== '0' : field.default;
			continue;
		}
		if (raw === null) {
			values[field.name] = field.default;
			continue;
		}
		const problem = checkField(field, raw);
		if (problem) errors[field.name] = problem;
		values[field.name] = problem ? field.default : field.kind === 'number' ? Number(raw) : raw;
	}
	return { values: values as T, errors: errors as FieldState<T>['errors'], fromUrl };
}

/** The default values of a set of fields. */
export function defaultsOf<T extends FieldValues>(fields: readonly Field[]): T {
	return Object.fromEntries(fields.map((field) => [field.name, field.default])) as T;
}

/** Query string for a set of values; unchecked toggles are left out, as a form would. */
export function toQueryString(values: FieldValues): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(values)) {
		if (value === false) continue;
		params.set(key, value === true ? 'on' : String(value));
	}
	return params.toString();
}

/** Warnings for values past a field's plan limits, in field order. */
export function fieldWarnings(fields: readonly Field[], values: FieldValues): string[] {
	return fields.flatMap((field) =>
		field.kind === 'number'
			? (field.warnAbove ?? [])
					.filter((limit) => Number(values[field.name]) > limit.value)
					.map((limit) => limit.message)
			: [],
	);
}
