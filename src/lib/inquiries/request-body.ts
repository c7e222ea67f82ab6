/** Largest inquiry body accepted, checked before parsing. */
export const MAX_INQUIRY_BODY_BYTES = 32 * 1024;

/**
 * Whether a client's idempotency key has the documented shape (docs/api.md): 8 to 100 letters,
 * digits, dots, colons, dashes or underscores.
 * @example isSafeIdempotencyKey('form_3f2a9c1d') // => true
 */
export const isSafeIdempotencyKey = (key: string): boolean => /^[A-Za-z0-9._:-]{8,100}$/.test(key);

/**
 * Turns a form post into the shape the schema expects: empty optional fields left out, the
 * consent checkbox as a boolean, and the form-only fields (idempotency key, honeypot, token) set aside.
 */
export function formToInquiry(form: URLSearchParams): Record<string, unknown> {
	const fields: Record<string, unknown> = {};
	for (const name of [
		'name',
		'email',
		'company',
		'projectType',
		'budget',
		'timeline',
		'message',
		'estimate',
	]) {
		const value = form.get(name);
		const optional = name === 'company' || name === 'estimate';
		if (value !== null && !(optional && value.trim() === '')) fields[name] = value;
	}
	fields['consent'] = form.get('consent') === 'on' || form.get('consent') === 'true';
	return fields;
}
