import { inject } from 'vitest';
import { queryLocalD1 } from '../support/server';

/** Absolute URL on the runtime test server. */
export const url = (path: string) => new URL(path, inject('baseUrl')).toString();

/** Polls `check` until it returns a value, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
}

/** Rows from the runtime test server's local D1. */
export const queryD1 = <Row = Record<string, unknown>>(sql: string) =>
	queryLocalD1<Row>(inject('stateDir'), sql);

/** Fetches and parses a JSON body, typed as the API's own types say it should be. */
export async function fetchJson<Body>(
	target: string,
	init?: RequestInit,
): Promise<{ response: Response; body: Body }> {
	const response = await fetch(target.startsWith('http') ? target : url(target), init);
	return { response, body: (await response.json()) as Body };
}
