/**
 * `npm run release:rehearse`: the release workflow's steps against the local runtime, with no
 * account and no network.
 *   1. the build, `wrangler deploy --dry-run` and the size budget;
 *   2. the migration lint;
 *   3. D1: a copy of the local database stands in for production; a second copy is the
 *      bookmark (Time Travel's stand-in); the migrations are applied to the first;
 *   4. a gated rollout (10 → 50 → 100 %) to a second local Worker behind a local traffic split,
 *      each gate probing the new version alone through the version-override header;
 *   5. a forced gate failure: a third Worker whose database was never migrated, so its health
 *      check fails at 10 %, and the rollout rolls back to the version before it.
 * Exits non-zero unless step 4 promotes and step 5 rolls back.
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureFreshBuild, ROOT } from './lib/build.ts';
import { checkBundleSize, checkMigrations, describeMigrations, describeSize } from './lib/release/checks.ts';
import { runGate, versionOverrideHeader, type GatePolicy } from './lib/release/gate.ts';
import { startLocalSplit, type LocalSplit } from './lib/release/local-split.ts';
import { rollOut, type RolloutTarget } from './lib/release/rollout.ts';
import { runWrangler } from './lib/release/wrangler.ts';
import { startTestServer, type TestServer } from '../tests/support/server.ts';

const SPLIT_PORT = 4480;
const WORKER_PORTS = { current: 4481, next: 4482, broken: 4483 } as const;
const WORKER_NAME = 'loadbearing';
const PLAN = { steps: [10, 50, 100], soakMs: 1_000 };
const POLICY: GatePolicy = { probes: 100, maxErrorRate: 0.01, timeoutMs: 10_000 };
const WORK_DIR = join(ROOT, '.wrangler', 'rehearsal');

const log = (line: string) => console.log(line);
const heading = (line: string) => console.log(`\n== ${line}`);

/** A target that moves the local split between the version serving now and the new one. */
function splitTarget(split: LocalSplit, previous: string, next: string): RolloutTarget {
	return {
		shift: async (percent) => split.deploy({ [next]: percent, [previous]: 100 - percent }),
		rollBack: async () => split.deploy({ [previous]: 100 }),
	};
}

/** Sends `count` ordinary requests through the split and counts which version served them. */
async function trafficShares(split: LocalSplit, count: number): Promise<Record<string, number>> {
	const served: Record<string, number> = {};
	for (let i = 0; i < count; i++) {
		const response = await fetch(`${split.url}/api/health`);
		await response.arrayBuffer();
		const version = response.headers.get('x-served-by-version') ?? 'unknown';
		served[version] = (served[version] ?? 0) + 1;
	}
	return served;
}

async function rehearse(servers: TestServer[], splits: LocalSplit[]): Promise<boolean> {
	heading('1. build and size budget (wrangler deploy --dry-run)');
	ensureFreshBuild();
	const size = checkBundleSize();
	log(describeSize(size));

	heading('2. migration lint');
	const migrations = checkMigrations();
	log(describeMigrations(migrations).join('\n'));

	heading('3. D1: bookmark, then migrations on a copy of the local database');
	const production = join(WORK_DIR, 'production');
	const bookmark = join(WORK_DIR, 'bookmark');
	rmSync(WORK_DIR, { recursive: true, force: true });
	mkdirSync(production, { recursive: true });
	const localState = join(ROOT, '.wrangler', 'state');
	if (existsSync(localState)) {
		cpSync(localState, production, { recursive: true });
		log(`copied the local database (.wrangler/state) to ${production}`);
	} else log('no local database yet (.wrangler/state): starting from an empty one');
	cpSync(production, bookmark, { recursive: true });
	log(`bookmark (Time Travel's stand-in): ${bookmark}`);
	const applied = runWrangler('applyMigrations', ['DB', '--local', '--persist-to', production]).stdout;
	const appliedNames = [...applied.matchAll(/(\d{4}_[\w-]+\.sql)/g)].map((match) => match[1]);
	log(
		appliedNames.length > 0
			? `applied ${new Set(appliedNames).size} migration(s): ${[...new Set(appliedNames)].join(', ')}`
			: 'no migrations to apply: the copy was already current',
	);

	heading('4. gated rollout to a second local Worker');
	const [current, next] = await Promise.all([
		startTestServer({ port: WORKER_PORTS.current, migrate: false, stateFrom: production }),
		startTestServer({ port: WORKER_PORTS.next, migrate: false, stateFrom: production }),
	]);
	servers.push(current, next);
	const split = await startLocalSplit(SPLIT_PORT, WORKER_NAME);
	splits.push(split);
	split.addVersion('v1-current', current.url);
	split.addVersion('v2-next', next.url);
	split.deploy({ 'v1-current': 100 });
	log(`split on ${split.url}: v1-current (${current.url}) at 100 %; uploading v2-next (${next.url})`);
	const promoted = await rollOut({
		plan: PLAN,
		target: splitTarget(split, 'v1-current', 'v2-next'),
		gate: () => runGate(split.url, versionOverrideHeader(WORKER_NAME, 'v2-next'), POLICY),
		log,
	});
	log(
		`outcome: ${promoted.outcome}; traffic now ${JSON.stringify(await trafficShares(split, 20))} (of 20 requests)`,
	);

	heading('5. forced gate failure: a Worker whose database was never migrated');
	const broken = await startTestServer({ port: WORKER_PORTS.broken, migrate: false });
	servers.push(broken);
	split.addVersion('v3-broken', broken.url);
	const rolledBack = await rollOut({
		plan: PLAN,
		target: splitTarget(split, 'v2-next', 'v3-broken'),
		gate: () => runGate(split.url, versionOverrideHeader(WORKER_NAME, 'v3-broken'), POLICY),
		log,
	});
	const after = await trafficShares(split, 20);
	log(
		`outcome: ${rolledBack.outcome} at ${rolledBack.failedAt} %; traffic now ${JSON.stringify(after)} (of 20 requests)`,
	);

	const passed =
		size.passed &&
		migrations.findings.length === 0 &&
		promoted.outcome === 'promoted' &&
		rolledBack.outcome === 'rolled-back' &&
		after['v2-next'] === 20;
	heading(passed ? 'rehearsal passed' : 'rehearsal FAILED');
	return passed;
}

const servers: TestServer[] = [];
const splits: LocalSplit[] = [];
let passed = false;
try {
	passed = await rehearse(servers, splits);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
} finally {
	await Promise.all([...servers.map((server) => server.stop()), ...splits.map((split) => split.stop())]);
	rmSync(WORK_DIR, { recursive: true, force: true });
}
process.exit(passed ? 0 : 1);
