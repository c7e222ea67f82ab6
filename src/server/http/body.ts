// The one way a route reads a request body: the declared and the actual size are checked while
// the bytes stream in (a chunked upload has no Content-Length), the Content-Type is checked
// before a byte is read, and what is left of a refused body is drained, because an unread body
// breaks the next request through wrangler's local dev proxy (workers-sdk issues 15203, 15709).
import { bodyFormat, FORMAT_NAMES, isJsonObject, type BodyFormat } from '~/lib/http/body-format';
import { HttpError } from '~/lib/http/http-error';

/** A body as a route reads it: a JSON object, or a form's fields. */
export type RequestBody =
	{ format: 'json'; data: Record<string, unknown> } | { format: 'form'; data: URLSearchParams };

/** Bytes of a refused or unread body read and dropped; past this the rest is cancelled. */
const DRAIN_LIMIT_BYTES = 1024 * 1024;

const tooLarge = (maxBytes: number) =>
	new HttpError(413, 'payload_too_large', `The body must be at most ${formatBytes(maxBytes)}.`, {
		field: 'body',
	});

const formatBytes = (bytes: number) => (bytes % 1024 === 0 ? `${bytes / 1024} KB` : `${bytes} bytes`);

/**
 * Reads a body as UTF-8 text of at most `maxBytes`.
 * @throws HttpError 413 naming `body` as soon as it is over (declared or streamed), 400 when it
 * is not UTF-8.
 */
export async function readText(request: Request, maxBytes: number): Promise<string> {
	if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge(maxBytes);
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await readChunk(reader);
		if (done) break;
		total += value.byteLength;
		if (total > maxBytes) {
			await discard(reader, total);
			throw tooLarge(maxBytes);
		}
		chunks.push(value);
	}
	const bytes = new Uint8Array(total);
	let offset = 0;
	for (const chunk of chunks) {
		bytes.set(chunk, offset);
		offset += chunk.byteLength;
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new HttpError(400, 'bad_request', 'The body is not UTF-8 text.', { field: 'body' });
	}
}

/**
 * Reads a JSON object or a form post, in one of the `formats` the route accepts.
 * @throws HttpError 415 naming `content-type`, 413 or 400 naming `body` (not JSON, or JSON that
 * is not an object, such as `null` or a list).
 */
export async function readBody(
	request: Request,
	rules: { maxBytes: number; formats: readonly BodyFormat[] },
): Promise<RequestBody> {
	const format = bodyFormat(request.headers.get('content-type'));
	if (!format || !rules.formats.includes(format))
		throw new HttpError(
			415,
			'unsupported_media_type',
			`Send ${rules.formats.map((accepted) => FORMAT_NAMES[accepted]).join(' or ')}.`,
			{ field: 'content-type' },
		);
	const text = await readText(request, rules.maxBytes);
	if (format === 'form') return { format, data: new URLSearchParams(text) };
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		throw new HttpError(400, 'bad_request', 'The body is not valid JSON.', { field: 'body' });
	}
	if (!isJsonObject(data))
		throw new HttpError(400, 'bad_request', 'The body must be a JSON object, such as {"name": "…"}.', {
			field: 'body',
		});
	return { format, data };
}

/** Reads a form post of at most `maxBytes` (a console button, the contact page). @throws as readBody. */
export async function readForm(request: Request, maxBytes: number): Promise<URLSearchParams> {
	const body = await readBody(request, { maxBytes, formats: ['form'] });
	return body.format === 'form' ? body.data : new URLSearchParams();
}

/** Reads and drops a body nobody read (a route that answered from the headers alone). */
export async function drainUnread(request: Request): Promise<void> {
	if (!request.body || request.bodyUsed) return;
	await discard(request.body.getReader(), 0);
}

async function discard(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number): Promise<void> {
	let read = alreadyRead;
	for (;;) {
		const { done, value } = await readChunk(reader);
		if (done) return;
		read += value.byteLength;
		if (read > DRAIN_LIMIT_BYTES) return void (await reader.cancel().catch(() => undefined));
	}
}

/** One chunk, or the end when the client went away mid-body. */
async function readChunk(
	reader: ReadableStreamDefaultReader<Uint8Array>,
): Promise<ReadableStreamReadResult<Uint8Array>> {
	try {
		return await reader.read();
	} catch {
		return { done: true, value: undefined };
	}
}
