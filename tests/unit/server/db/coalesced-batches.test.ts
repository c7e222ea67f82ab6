import { describe, expect, it } from 'vitest';
import { coalescingBatches } from '~/server/db/coalesced-batches';

/** A statement stand-in: the fake database answers each with its own text, or fails on "bad". */
const statement = (text: string) => text as unknown as D1PreparedStatement;

function fakeDatabase() {
	const sent: string[][] = [];
	const db = {
		async batch(statements: D1PreparedStatement[]) {
			const texts = statements as unknown as string[];
			sent.push(texts);
			if (texts.includes('bad')) throw new Error('D1_ERROR: bad statement');
			return texts.map((text) => ({ results: [text] }) as unknown as D1Result);
		},
		prepare: (query: string) => statement(query),
	};
	return { db: db as unknown as D1Database, sent };
}

const texts = (results: D1Result[]) => results.map((result) => result.results[0]);

describe('coalescingBatches', () => {
	it('sends batches asked for in the same turn as one, and gives each caller its own results', async () => {
		const { db, sent } = fakeDatabase();
		const coalesced = coalescingBatches(db);
		const [first, second, third] = await Promise.all([
			coalesced.batch([statement('claim a'), statement('read a')]),
			coalesced.batch([statement('claim b')]),
			coalesced.batch([statement('claim c'), statement('read c')]),
		]);
		expect(sent).toEqual([['claim a', 'read a', 'claim b', 'claim c', 'read c']]);
		expect(texts(first)).toEqual(['claim a', 'read a']);
		expect(texts(second)).toEqual(['claim b']);
		expect(texts(third)).toEqual(['claim c', 'read c']);
	});

	it('sends batches asked for later on their own turn', async () => {
		const { db, sent } = fakeDatabase();
		const coalesced = coalescingBatches(db);
		await coalesced.batch([statement('settle a')]);
		await coalesced.batch([statement('settle b')]);
		expect(sent).toEqual([['settle a'], ['settle b']]);
	});

	it('fails only the caller whose statement fails: the others are sent again on their own', async () => {
		const { db, sent } = fakeDatabase();
		const coalesced = coalescingBatches(db);
		const outcomes = await Promise.allSettled([
			coalesced.batch([statement('settle a')]),
			coalesced.batch([statement('bad')]),
			coalesced.batch([statement('settle c')]),
		]);
		expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(sent).toEqual([['settle a', 'bad', 'settle c'], ['settle a'], ['bad'], ['settle c']]);
	});

	it('passes everything else through to the database', () => {
		const { db } = fakeDatabase();
		expect(coalescingBatches(db).prepare('SELECT 1')).toBe('SELECT 1');
	});
});
