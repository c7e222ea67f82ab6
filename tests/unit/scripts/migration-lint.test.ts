import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintMigrations, splitStatements } from '../../../scripts/lib/release/migration-lint';

const ROOT = new URL('../../..', import.meta.url).pathname;

function lint(sql: string) {
	return lintMigrations([{ name: '0009_change.sql', sql }]);
}

describe('lintMigrations', () => {
	it('passes every migration the project has shipped', () => {
		const dir = join(ROOT, 'migrations');
		const files = readdirSync(dir)
			.filter((name) => name.endsWith('.sql'))
			.sort()
			.map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
		expect(files.length).toBeGreaterThan(0);
		expect(lintMigrations(files)).toEqual([]);
	});

	it('allows the additive steps of an expand-and-contract change', () => {
		expect(
			lint(`
				ALTER TABLE jobs ADD COLUMN trace_id TEXT;
				ALTER TABLE jobs ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
				CREATE INDEX jobs_trace ON jobs (trace_id);
				CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);
			`),
		).toEqual([]);
	});

	it('flags a whole-table UPDATE with the batched backfill in its message', () => {
		const [finding, ...rest] = lint(`-- fill the new column\nUPDATE inquiries SET status = 'new';`);
		expect(rest).toEqual([]);
		expect(finding).toMatchObject({
			file: '0009_change.sql',
			line: 2,
			rule: 'update-all-rows',
			table: 'inquiries',
		});
		expect(finding?.message).toMatch(/backfill in batches/);
		expect(finding?.message).toMatch(/LIMIT 1000/);
	});

	it('flags the table-rebuild pattern: copy, drop, rename', () => {
		const findings = lint(`
			CREATE TABLE inquiries_new (id INTEGER PRIMARY KEY, email TEXT NOT NULL);
			INSERT INTO inquiries_new (id, email) SELECT id, email FROM inquiries;
			DROP TABLE inquiries;
			ALTER TABLE inquiries_new RENAME TO inquiries;
		`);
		expect(findings.map(({ rule, table, line }) => ({ rule, table, line }))).toEqual([
			{ rule: 'copy-table', table: 'inquiries', line: 3 },
			{ rule: 'rename-or-drop-table', table: 'inquiries', line: 4 },
		]);
		expect(findings[0]?.message).toMatch(/ADD COLUMN/);
	});

	it('flags DROP COLUMN, DELETE and SET NOT NULL on existing tables', () => {
		const rules = lint(`
			ALTER TABLE jobs DROP COLUMN progress_step;
			DELETE FROM heartbeats WHERE consumed_at < 0;
			ALTER TABLE jobs ALTER COLUMN input SET NOT NULL;
		`).map((finding) => finding.rule);
		expect(rules).toEqual(['drop-column', 'delete-rows', 'set-not-null']);
	});

	it('never flags statements on a table created earlier in the same file', () => {
		expect(
			lint(`
				CREATE TABLE IF NOT EXISTS scratch (id INTEGER PRIMARY KEY, v TEXT);
				INSERT INTO scratch (id, v) VALUES (1, 'a');
				UPDATE scratch SET v = 'b';
				DELETE FROM scratch;
				ALTER TABLE scratch DROP COLUMN v;
			`),
		).toEqual([]);
	});

	it('accepts a reviewed exception only with its rule and a reason', () => {
		expect(
			lint(
				`-- migration-lint: allow update-all-rows because the table holds at most 12 rows\nUPDATE settings SET v = 1;`,
			),
		).toEqual([]);
		expect(lint(`-- migration-lint: allow update-all-rows\nUPDATE settings SET v = 1;`)).toHaveLength(1);
		expect(
			lint(`-- migration-lint: allow delete-rows because small\nUPDATE settings SET v = 1;`),
		).toHaveLength(1);
	});
});

describe('splitStatements', () => {
	it('ignores semicolons in strings and comments and keeps start lines', () => {
		const statements = splitStatements(
			"-- a; comment\nINSERT INTO t VALUES ('x;y');\n/* b; */\n\nUPDATE t\n  SET v = 1;",
		);
		expect(statements.map(({ text, line }) => ({ text, line }))).toEqual([
			{ text: "INSERT INTO t VALUES ('x;y')", line: 2 },
			{ text: 'UPDATE t SET v = 1', line: 5 },
		]);
	});
});
