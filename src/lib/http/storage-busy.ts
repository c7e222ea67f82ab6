import { HttpError } from './http-error.ts';

/**
 * The D1 errors Cloudflare's error list says to meet by retrying the operation: the database
 * restarting, moving or queueing too much, not a fault in our query
 * (https://developers.cloudflare.com/d1/observability/debug-d1/#error-list). "SQLITE_BUSY" is
 * what the local emulation throws when another process holds the database file's lock.
 * Memory and CPU limit resets are left out: they are our query's fault, a 500.
 */
const TRANSIENT_STORAGE_ERRORS = [
	'D1 DB reset because its code was updated',
	'Internal error while starting up D1 DB storage caused object to be reset',
	'Network connection lost',
	'Internal error in D1 DB storage caused object to be reset',
	'Cannot resolve D1 DB due to transient issue on remote node',
	'D1 DB storage operation exceeded timeout which caused object to be reset',
	'D1 DB is overloaded',
	'SQLITE_BUSY',
] as const;

/** Seconds a client is asked to wait before trying again after a transient storage error. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/**
 * Whether `error` (or what caused it: D1 puts the detail in `cause`) is a transient storage
 * error, one the same request can expect to pass a few seconds later.
 * @example isTransientStorageError(new Error('D1_ERROR: D1 DB is overloaded. Too many requests queued.')) // => true
 */
export function isTransientStorageError(error: unknown): boolean {
	for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
		const { message } = current;
		if (TRANSIENT_STORAGE_ERRORS.some((known) => message.includes(known))) return true;
		current = current.cause;
	}
	return false;
}

/** 503 with Retry-After, for a request that met a transient storage error. */
export const storageBusy = (): HttpError =>
	new HttpError(
		503,
		'unavailable',
		`Our database is busy for a moment; try again in ${STORAGE_RETRY_AFTER_SECONDS} seconds.`,
		{ headers: { 'retry-after': String(STORAGE_RETRY_AFTER_SECONDS) } },
	);
