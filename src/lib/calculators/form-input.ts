import type { z } from 'zod';

/** A calculator's form state: the values to show, and an error message per field. */
export interface FormState<T> {
	values: T;
	errors: Partial<Record<keyof T & string, string>>;
	/** True when the values came from the URL rather than the defaults. */
	fromUrl: boolean;
}

/**
 * Reads calculator inputs from URL query parameters (a GET form or a shared link). Fields that
 * are missing take their defaults; invalid ones keep the default for the result and report an
 * error naming the field, so the page still shows something useful.
 */
export function readFormInput<T extends Record<string, unknown>>(
	schema: z.ZodType<T>,
	params: URLSearchParams,
	defaults: T,
): FormState<T> {
	const keys = Object.keys(defaults);
	const fromUrl = keys.some((key) => params.has(key));
	const raw: Record<string, unknown> = { ...defaults };
	for (const key of keys) {
		const value = params.get(key);
		if (value !== null) raw[key] = value;
	}
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { values: parsed.data, errors: {}, fromUrl };

	const errors: Partial<Record<string, string>> = {};
	const values: Record<string, unknown> = { ...raw };
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? '');
		errors[field] ??= issue.message;
		values[field] = defaults[field];
	}
	const retry = schema.safeParse(values);
	return { values: retry.success ? retry.data : defaults, errors: errors as FormState<T>['errors'], fromUrl };
}

/** Query string for a set of inputs, for share links and "reset to this preset" links. */
export function toQueryString(values: Record<string, unknown>): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(values)) params.set(key, String(value));
	return params.toString();
}
