import { describe, expect, it } from 'vitest';
import { HttpError } from '~/lib/http/http-error';
import { drainUnread, readBody, readText } from '~/server/http/body';

/** A request whose body arrives in chunks with no Content-Length, as a chunked upload does. */
function chunked(chunks: string[], contentType = 'application/json'): Request {
	const encoder = new TextEncoder();
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
			controller.close();
		},
	});
	return new Request('https://example.com/api/x', {
		method: 'POST',
		headers: { 'content-type': contentType },
		body: stream,
		duplex: 'half',
	} as RequestInit);
}

const post = (body: string, contentType = 'application/json') =>
	new Request('https://example.com/api/x', {
		method: 'POST',
		headers: { 'content-type': contentType },
		body,
	});

async function refusal(promise: Promise<unknown>): Promise<HttpError> {
	const error = await promise.then(
		() => undefined,
		(reason: unknown) => reason,
	);
	if (!(error instanceof HttpError)) throw new Error(`expected an HttpError, got ${String(error)}`);
	return error;
}

describe('readBody', () => {
	const rules = { maxBytes: 64, formats: ['json', 'form'] as const };

	it('reads a JSON object and a form post', async () => {
		expect(await readBody(post('{"name":"Ada"}'), rules)).toEqual({ format: 'json', data: { name: 'Ada' } });
		const form = await readBody(post('name=Ada', 'application/x-www-form-urlencoded'), rules);
		expect(form.format === 'form' && form.data.get('name')).toBe('Ada');
	});

	it('refuses JSON that is not an object with a 400 naming body', async () => {
		for (const body of ['null', '[1]', '"text"', '3']) {
			const error = await refusal(readBody(post(body), rules));
			expect([error.status, error.options.field]).toEqual([400, 'body']);
			expect(error.message).toMatch(/JSON object/);
		}
		expect((await refusal(readBody(post('{'), rules))).message).toBe('The body is not valid JSON.');
	});

	it('refuses another content type with a 415 naming content-type, listing what it takes', async () => {
		const error = await refusal(readBody(post('x', 'text/plain'), { maxBytes: 64, formats: ['json'] }));
		expect([error.status, error.options.field, error.message]).toEqual([
			415,
			'content-type',
			'Send JSON (application/json).',
		]);
	});
});

describe('readText', () => {
	it('stops a chunked body as soon as it passes the limit, with a 413 naming body', async () => {
		const error = await refusal(readText(chunked(['{"a":"', 'x'.repeat(40), 'x'.repeat(40), '"}']), 64));
		expect([error.status, error.code, error.options.field]).toEqual([413, 'payload_too_large', 'body']);
	});

	it('refuses a declared length over the limit before reading a byte', async () => {
		const request = new Request('https://example.com/api/x', {
			method: 'POST',
			headers: { 'content-length': '100000' },
			body: 'small',
		});
		expect((await refusal(readText(request, 64))).status).toBe(413);
		expect(request.bodyUsed).toBe(false);
	});

	it('counts bytes, not characters, and refuses text that is not UTF-8', async () => {
		expect((await refusal(readText(post('é'.repeat(40)), 64))).status).toBe(413);
		const latin1 = new Request('https://example.com/api/x', {
			method: 'POST',
			body: new Uint8Array([0x66, 0xe9, 0x65]),
		});
		expect((await refusal(readText(latin1, 64))).message).toBe('The body is not UTF-8 text.');
	});
});

describe('drainUnread', () => {
	it('reads a body nobody read, and leaves a read one alone', async () => {
		const unread = post('{"a":1}');
		await drainUnread(unread);
		expect(unread.bodyUsed).toBe(true);
		const read = post('{"a":1}');
		await read.text();
		await expect(drainUnread(read)).resolves.toBeUndefined();
	});
});
