/** The body formats the API reads. */
export type BodyFormat = 'json' | 'form';

const FORMATS: Record<string, BodyFormat> = {
	'application/json': 'json',
	'application/x-www-form-urlencoded': 'form',
};

/** Which format a Content-Type names, or undefined for one the API does not read. */
export function bodyFormat(contentType: string | null): BodyFormat | undefined {
	const type = contentType?.split(';')[0]?.trim().toLowerCase();
	return type === undefined ? undefined : FORMATS[type];
}

/** How a Content-Type requirement reads in an error message, e.g. "JSON (application/json)". */
export const FORMAT_NAMES: Record<BodyFormat, string> = {
	json: 'JSON (application/json)',
	form: 'a form post (application/x-www-form-urlencoded)',
};

/**
 * A JSON value that is an object, as every JSON body the API reads must be.
 * @example isJsonObject(JSON.parse('null')) // => false
 */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
