/**
 * Reads D1 migrations for statements that rewrite, copy or break a table that already holds
 * rows. D1 applies a migration file as one transaction on a single-threaded database, so such a
 * statement holds every other query for as long as it runs; and during a gradual rollout the
 * previous version still runs against the new schema. Each finding names the two-step way.
 *
 * A table created earlier in the same file is empty, so statements on it are never flagged.
 * A reviewed exception is written as a comment on the line above the statement:
 *   -- migration-lint: allow <rule> because <reason>
 */

export interface MigrationFile {
	name: string;
	sql: string;
}

export interface MigrationFinding {
	file: string;
	/** 1-based line where the statement starts. */
	line: number;
	rule: MigrationRuleId;
	table: string;
	message: string;
}

interface Statement {
	text: string;
	line: number;
	/** The comment lines right above it, for `allow` markers. */
	comments: string[];
}

interface MigrationRule {
	/** Returns the table the statement rewrites, or undefined when the rule does not apply. */
	match: (statement: string) => string | undefined;
	/** What happens and the two-step alternative. */
	explain: (table: string) => string;
}

const NAME = String.raw`["\`\[]?(\w+)["\`\]]?`;

function matcher(pattern: string): (statement: string) => string | undefined {
	const regex = new RegExp(pattern, 'i');
	return (statement) => regex.exec(statement)?.slice(1).find(Boolean)?.toLowerCase();
}

/** Each rule once: the lint and its tests read this table. */
export const MIGRATION_RULES = {
	'update-all-rows': {
		match: (statement) => {
			const table = matcher(String.raw`^UPDATE\s+(?:OR\s+\w+\s+)?${NAME}`)(statement);
			return table && !/\bLIMIT\s+\d+/i.test(statement) ? table : undefined;
		},
		explain: (table) =>
			`UPDATE on ${table} rewrites its rows in the migration's one transaction, holding every other query. ` +
			`Two steps instead: deploy code that writes the new value, then backfill in batches from a job or script ` +
			`(UPDATE ${table} SET … WHERE rowid IN (SELECT rowid FROM ${table} WHERE <not yet done> LIMIT 1000), repeated until no row changes).`,
	},
	'delete-rows': {
		match: matcher(String.raw`^DELETE\s+FROM\s+${NAME}`),
		explain: (table) =>
			`DELETE on ${table} removes its rows in one transaction, holding every other query. ` +
			`Two steps instead: stop writing the rows in a deploy, then delete in batches from a job ` +
			`(DELETE FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} WHERE … LIMIT 1000)), as the retention rules do.`,
	},
	'copy-table': {
		match: matcher(String.raw`^INSERT\s+(?:OR\s+\w+\s+)?INTO\s+\w+[^;]*?\bSELECT\b[^;]*?\bFROM\s+${NAME}`),
		explain: (table) =>
			`Copying ${table} into another table (the rebuild pattern) rewrites every row in one transaction. ` +
			`Two steps instead: add what you need with ALTER TABLE ${table} ADD COLUMN (a nullable column or one with a constant default), ` +
			`backfill it in batches from a job, and drop what is unused in a later migration once no deployed version reads it.`,
	},
	'drop-column': {
		match: matcher(String.raw`^ALTER\s+TABLE\s+${NAME}\s+DROP\s+(?:COLUMN\s+)?\w+`),
		explain: (table) =>
			`DROP COLUMN rewrites all of ${table} to purge the column (sqlite.org/lang_altertable.html), and the version still running during the rollout may read it. ` +
			`Two steps instead: deploy code that no longer reads or writes the column, then drop it in a later migration after that deploy has reached 100%.`,
	},
	'set-not-null': {
		match: matcher(String.raw`^ALTER\s+TABLE\s+${NAME}\s+ALTER\s+(?:COLUMN\s+)?\w+\s+SET\s+NOT\s+NULL`),
		explain: (table) =>
			`SET NOT NULL reads every row of ${table} to check it while holding the write lock. ` +
			`Two steps instead: backfill the column in batches and enforce the rule in code, then add the constraint when the table is rebuilt for another reason.`,
	},
	'rename-or-drop-table': {
		match: matcher(
			String.raw`^(?:DROP\s+TABLE\s+(?:IF\s+EXISTS\s+)?${NAME}|ALTER\s+TABLE\s+${NAME}\s+RENAME\b)`,
		),
		explain: (table) =>
			`Renaming or dropping ${table} breaks the version still serving traffic during the gradual rollout. ` +
			`Two steps instead: add the new table or column and write to both, deploy code that reads only the new one, then drop or rename the old one in a later migration.`,
	},
} satisfies Record<string, MigrationRule>;

export type MigrationRuleId = keyof typeof MIGRATION_RULES;

const ALLOW = /^--\s*migration-lint:\s*allow\s+([\w-]+)\s+because\s+\S/i;

/** Splits SQL into statements (outside quotes and comments), keeping each one's start line and the comments above it. */
export function splitStatements(sql: string): Statement[] {
	const statements: Statement[] = [];
	let text = '';
	let line = 1;
	let startLine = 0;
	let comments: string[] = [];
	let quote: string | undefined;
	for (let i = 0; i < sql.length; i++) {
		const char = sql[i]!;
		if (quote) {
			text += char;
			if (char === '\n') line++;
			if (char === quote) quote = undefined;
			continue;
		}
		if (char === '-' && sql[i + 1] === '-') {
			const end = sql.indexOf('\n', i);
			const comment = sql.slice(i, end === -1 ? sql.length : end).trim();
			if (!text.trim()) comments.push(comment);
			i = end === -1 ? sql.length : end - 1;
			continue;
		}
		if (char === '/' && sql[i + 1] === '*') {
			const end = sql.indexOf('*/', i + 2);
			const block = sql.slice(i, end === -1 ? sql.length : end + 2);
			line += block.split('\n').length - 1;
			i = end === -1 ? sql.length : end + 1;
			continue;
		}
		if (char === ';') {
			if (text.trim()) statements.push({ text: text.trim().replace(/\s+/g, ' '), line: startLine, comments });
			text = '';
			comments = [];
			continue;
		}
		if (char === '\n') {
			line++;
			// A blank line separates a comment block from the statement below it.
			if (!text.trim() && sql[i + 1] === '\n') comments = [];
		}
		if (!text.trim() && /\S/.test(char)) startLine = line;
		if (char === "'" || char === '"' || char === '`') quote = char;
		text += char;
	}
	if (text.trim()) statements.push({ text: text.trim().replace(/\s+/g, ' '), line: startLine, comments });
	return statements;
}

function allowedRules(comments: string[]): Set<string> {
	return new Set(comments.flatMap((comment) => ALLOW.exec(comment)?.[1]?.toLowerCase() ?? []));
}

/** Lints migration files in order; tables created in a file are new (empty) for the rest of it. */
export function lintMigrations(files: MigrationFile[]): MigrationFinding[] {
	const findings: MigrationFinding[] = [];
	for (const file of files) {
		const newTables = new Set<string>();
		for (const statement of splitStatements(file.sql)) {
			const created = /^CREATE\s+(?:TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?["`[]?(\w+)/i.exec(
				statement.text,
			)?.[1];
			if (created) {
				newTables.add(created.toLowerCase());
				continue;
			}
			const allowed = allowedRules(statement.comments);
			for (const [rule, { match, explain }] of Object.entries(MIGRATION_RULES) as [
				MigrationRuleId,
				MigrationRule,
			][]) {
				const table = match(statement.text);
				if (!table || newTables.has(table) || allowed.has(rule)) continue;
				findings.push({ file: file.name, line: statement.line, rule, table, message: explain(table) });
			}
		}
	}
	return findings;
}

export function formatFinding(finding: MigrationFinding): string {
	return `${finding.file}:${finding.line} [${finding.rule}] ${finding.message}`;
}
