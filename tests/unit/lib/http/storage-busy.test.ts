import { describe, expect, it } from 'vitest';
import { isTransientStorageError, storageBusy } from '~/lib/http/storage-busy';

/** An error shaped as the D1 binding throws one: a D1_ERROR whose cause holds the detail. */
const d1Error = (detail: string) => new Error('D1_ERROR: ' + detail, { cause: new Error(detail) });

describe('transient storage errors', () => {
	it.each([
		'D1 DB reset because its code was updated.',
		'Network connection lost.',
		'Internal error in D1 DB storage caused object to be reset.',
		'Cannot resolve D1 DB due to transient issue on remote node.',
		'D1 DB is overloaded. Requests queued for too long.',
		'D1 DB is overloaded. Too many requests queued.',
		'database is locked: SQLITE_BUSY',
	])('count "%s" as worth trying again', (detail) => {
		expect(isTransientStorageError(d1Error(detail))).toBe(true);
		expect(isTransientStorageError(new Error('wrapped', { cause: new Error(detail) }))).toBe(true);
	});

	it.each([
		"D1 DB's isolate exceeded its memory limit and was reset.",
		'D1 DB exceeded its CPU time limit and was reset.',
		'no such table: inquiries: SQLITE_ERROR',
		'UNIQUE constraint failed: jobs.id: SQLITE_CONSTRAINT',
	])('leave "%s" a fault of ours, a 500', (detail) => {
		expect(isTransientStorageError(d1Error(detail))).toBe(false);
	});

	it('look only at errors, not at strings or other values thrown', () => {
		expect(isTransientStorageError('Network connection lost.')).toBe(false);
		expect(isTransientStorageError(undefined)).toBe(false);
	});

	it('answer 503 with the wait as a message and a Retry-After header', () => {
		const busy = storageBusy();
		expect([busy.status, busy.code]).toEqual([503, 'unavailable']);
		expect(busy.message).toBe('Our database is busy for a moment; try again in 5 seconds.');
		expect(busy.options.headers).toEqual({ 'retry-after': '5' });
	});
});
