import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/build.ts';
import { commandEnv } from '../../scripts/lib/offline-env.ts';

export interface TestServer {
	url: string;
	/** Where this server keeps its local D1/KV/queue state (wrangler's --persist-to). */
	stateDir: string;
	/** What the Worker has printed so far (its log lines) and wrangler around them. */
	output: () => string;
	stop: () => Promise<void>;
}

const ENV = { ...commandEnv(), CI: 'true' };
/**
 * Wrangler's own entry point, run with this Node: `npx wrangler` starts two more Node processes
 * (npm's and wrangler's launcher) before it, about a second per call on two busy cores. Only
 * migrations go through wrangler; queries use queryLocalD1's open connection.
 */
const WRANGLER_CLI = join(ROOT, 'node_modules/wrangler/wrangler-dist/cli.js');

/** Runs a wrangler command against local state in `stateDir`; throws with its output on failure. */
function runLocalWrangler(stateDir: string, args: string[], config?: string): string {
	const configArgs = config ? ['--config', config] : [];
	const command = [WRANGLER_CLI, ...args, ...configArgs, '--local', '--persist-to', stateDir];
	const result = spawnSync(process.execPath, ['--no-warnings', ...command], {
		cwd: ROOT,
		env: ENV,
		encoding: 'utf8',
	});
	if (result.status !== 0)
		throw new Error(`wrangler ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	return result.stdout;
}

/** One connection per state directory, kept open while its server runs (see queryLocalD1). */
const localD1 = new Map<string, DatabaseSync>();

function localD1Connection(stateDir: string): DatabaseSync {
	const open = localD1.get(stateDir);
	if (open) return open;
	const dir = join(stateDir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
	const file = readdirSync(dir).find((name) => name.endsWith('.sqlite') && name !== 'metadata.sqlite');
	if (!file) throw new Error(`no local D1 database in ${dir}: was the server started with migrate?`);
	// Our side waits for the Worker's writes; workerd does not wait for ours (see below).
	const db = new DatabaseSync(join(dir, file), { timeout: 10_000 });
	localD1.set(stateDir, db);
	return db;
}

/**
 * Takes the local D1's write lock from a connection of its own and holds it until the returned
 * function is called: the Worker's writes meet a busy database meanwhile (its reads go on).
 */
export function holdLocalD1WriteLock(stateDir: string): () => void {
	const db = new DatabaseSync(localD1Connection(stateDir).location() ?? '', { timeout: 10_000 });
	db.exec('BEGIN IMMEDIATE');
	return () => {
		db.exec('ROLLBACK');
		db.close();
	};
}

/** Closes this process's connection to a state directory's D1, before the directory goes. */
export function closeLocalD1(stateDir: string): void {
	localD1.get(stateDir)?.close();
	localD1.delete(stateDir);
}

/**
 * Runs SQL against a test server's local D1 (the SQLite file wrangler keeps under --persist-to),
 * and returns the first statement's rows. It reads the file directly, over one connection held
 * open: workerd answers "database is locked" at once, without waiting, when another process
 * holds a lock as it writes, and every `wrangler d1 execute` was a new process opening and
 * closing the file (seconds each, and a lock the Worker could meet). In WAL mode a reader that
 * stays open never blocks the Worker; statements after the first run in one transaction.
 */
export function queryLocalD1<Row = Record<string, unknown>>(stateDir: string, sql: string): Row[] {
	const db = localD1Connection(stateDir);
	// prepare() compiles the first statement only; sourceSQL says where the next one starts.
	const statements: StatementSync[] = [];
	for (let rest = sql.trim(); rest !== '';) {
		const statement = db.prepare(rest);
		statements.push(statement);
		rest = rest.slice(statement.sourceSQL.length).trim();
	}
	const many = statements.length > 1;
	if (many) db.exec('BEGIN IMMEDIATE');
	try {
		const results = statements.map((statement) => statement.all());
		if (many) db.exec('COMMIT');
		return (results[0] ?? []).map((row) => ({ ...row }) as Row);
	} catch (error) {
		if (many) db.exec('ROLLBACK');
		throw error;
	}
}

/**
 * Starts the built Worker (`wrangler dev` on dist/, i.e. local workerd) on `port`, with its
 * own throwaway D1/KV/queue state so tests never touch a developer's `.wrangler/state`.
 * (Not `astro preview`: Astro 7 allows one preview server per project, and tests need two.)
 * With `migrate: false` the database has no tables, as after a deploy that skipped migrations;
 * `stateFrom` starts from a copy of another state directory instead (the release rehearsal).
 * `config` runs another Worker instead (a wrangler config path, e.g. the bench's bare Worker),
 * answering `healthPath` when ready.
 */
export async function startTestServer(options: {
	port: number;
	migrate: boolean;
	vars?: Record<string, string>;
	/** Defaults to `port + 1000`. */
	inspectorPort?: number;
	/** A wrangler config other than the site's (relative to the project root). */
	config?: string;
	/** Polled until it answers 200 or 503; defaults to `/api/health`. */
	healthPath?: string;
	/** A wrangler --persist-to directory to copy as this server's starting state. */
	stateFrom?: string;
}): Promise<TestServer> {
	const stateDir = join(ROOT, '.wrangler', `test-state-${options.port}`);
	closeLocalD1(stateDir);
	rmSync(stateDir, { recursive: true, force: true });
	mkdirSync(stateDir, { recursive: true });
	if (options.stateFrom) cpSync(options.stateFrom, stateDir, { recursive: true });
	if (options.migrate) runLocalWrangler(stateDir, ['d1', 'migrations', 'apply', 'DB'], options.config);

	// wrangler follows .wrangler/deploy/config.json to the build's dist/server/wrangler.json.
	const args = [
		'wrangler',
		'dev',
		'--ip',
		'127.0.0.1',
		'--port',
		String(options.port),
		'--persist-to',
		stateDir,
	];
	if (options.config) args.push('--config', options.config);
	args.push(
		'--test-scheduled',
		'--inspector-port',
		String(options.inspectorPort ?? options.port + 1000),
		'--show-interactive-dev-session=false',
	);
	for (const [name, value] of Object.entries(options.vars ?? {})) args.push('--var', `${name}:${value}`);
	const child = spawn('npx', args, {
		cwd: ROOT,
		env: ENV,
		detached: true, // its own process group, so stop() ends workerd too
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

	const url = `http://127.0.0.1:${options.port}`;
	const stop = async () => {
		if (child.exitCode === null && child.pid !== undefined) {
			const exited = new Promise((resolve) => child.once('exit', resolve));
			process.kill(-child.pid, 'SIGTERM');
			await exited;
		}
		closeLocalD1(stateDir);
		rmSync(stateDir, { recursive: true, force: true });
	};

	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${output}`);
		try {
			const response = await fetch(`${url}${options.healthPath ?? '/api/health'}`);
			if (response.status === 200 || response.status === 503)
				return { url, stateDir, output: () => output, stop };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	await stop();
	throw new Error(`wrangler dev did not answer on ${url} within 60 s:\n${output}`);
}
