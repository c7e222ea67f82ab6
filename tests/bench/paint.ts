// First paint against the floor: Lighthouse (mobile, simulated throttling) on a minimal HTML page
// served from this machine and, in the same run, on a guide, a tool page and /contact of the built
// Worker. Prints each page's first contentful paint as a ratio of the minimal page's, and the
// performance score of every tool page, each marked against the targets of issue 15.
// Usage: npm run bench:paint -- [--runs 3] [--port 4451] [--guide /guides/observability]
// Needs Lighthouse 13 and Chromium (see LIGHTHOUSE_MISSING below); CI does not run this.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism, homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { ensureFreshBuild, ROOT } from '../../scripts/lib/build.ts';
import { startTestServer } from '../support/server.ts';

const { values: args } = parseArgs({
	options: {
		runs: { type: 'string', default: process.env.RUNS ?? '3' },
		port: { type: 'string', default: process.env.PAINT_PORT ?? '4451' },
		guide: { type: 'string' },
	},
});
const RUNS = Number(args.runs);
const WORKER_PORT = Number(args.port);
const MINIMAL_PORT = WORKER_PORT + 1;

/** Targets from issue 15: FCP as a multiple of the minimal page's, and the tool pages' score. */
const FCP_TARGET = { guide: 1.05, tool: 1.15, contact: 1.15 } as const;
const TOOL_PERFORMANCE_TARGET = 100;

const CACHE_DIR = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'loadbearing-lighthouse');
const LIGHTHOUSE = process.env.LIGHTHOUSE ?? join(CACHE_DIR, 'node_modules/.bin/lighthouse');
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const LIGHTHOUSE_MISSING = `Lighthouse 13 was not found at ${LIGHTHOUSE}.
Install it once (it stays out of this project's dependencies):
  mkdir -p ${CACHE_DIR} && npm install --prefix ${CACHE_DIR} --no-audit --no-fund lighthouse@13
or point LIGHTHOUSE at a lighthouse CLI you have. Chromium: apt-get install chromium, or set CHROME_PATH.`;

/** The floor: what any page served from this machine costs to paint, with nothing of ours in it. */
const MINIMAL_HTML =
	'<!doctype html><html lang="en"><head><meta charset="utf-8">' +
	'<meta name="viewport" content="width=device-width, initial-scale=1"><title>Minimal page</title>' +
	'</head><body><h1>Minimal page</h1><p>One short paragraph of text.</p></body></html>';

if (!existsSync(LIGHTHOUSE)) {
	console.error(LIGHTHOUSE_MISSING);
	process.exit(2);
}
if (!existsSync(CHROME)) {
	console.error(`Chromium was not found at ${CHROME}: apt-get install chromium, or set CHROME_PATH.`);
	process.exit(2);
}

ensureFreshBuild();
const clientDir = join(ROOT, 'dist/client');

/** The tool pages the site lists on /tools (rendered on demand, so not files in dist/). */
function listToolPages(): string[] {
	const index = readFileSync(join(clientDir, 'tools.html'), 'utf8');
	return [...new Set([...index.matchAll(/href="(\/tools\/[a-z0-9-]+)"/g)].map((m) => m[1] ?? ''))].sort();
}

/** The guide of median size (gzipped HTML), so the figure speaks for a typical guide. */
function typicalGuide(): string {
	const dir = join(clientDir, 'guides');
	const bySize = readdirSync(dir)
		.filter((name) => name.endsWith('.html'))
		.map((name) => ({ name, gzip: gzipSync(readFileSync(join(dir, name)), { level: 9 }).length }))
		.sort((a, b) => a.gzip - b.gzip);
	const median = bySize[Math.floor(bySize.length / 2)];
	if (!median) throw new Error('No guides in dist/client/guides.');
	return `/guides/${median.name.replace(/\.html$/, '')}`;
}

type Kind = 'minimal' | 'guide' | 'tool' | 'contact';
interface Target {
	kind: Kind;
	url: string;
}
interface Run {
	fcp: number;
	performance: number;
	tbt: number;
	/** Bytes of the HTML response as sent (headers included): Lighthouse's simulated network
	 * delivers 14,600 bytes in the first round trip and adds a round trip (150 ms) for more. */
	documentBytes: number;
	/** Lighthouse's measure of this machine's CPU speed at the time of the run (higher is faster). */
	benchmarkIndex: number;
}

/** One Lighthouse run (mobile and simulated throttling are its defaults). */
async function runLighthouse(url: string, outDir: string, index: number): Promise<Run> {
	const output = join(outDir, `${index}.json`);
	const chromeFlags = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run';
	await new Promise<void>((resolve, reject) => {
		const child = spawn(
			LIGHTHOUSE,
			[
				url,
				'--quiet',
				'--only-categories=performance',
				`--chrome-flags=${chromeFlags}`,
				'--output=json',
				`--output-path=${output}`,
			],
			{ env: { ...process.env, CHROME_PATH: CHROME }, stdio: ['ignore', 'ignore', 'inherit'] },
		);
		child.once('error', reject);
		child.once('exit', (code) =>
			code === 0 ? resolve() : reject(new Error(`lighthouse ${url} exited with ${code}`)),
		);
	});
	const report = JSON.parse(readFileSync(output, 'utf8')) as {
		categories: { performance: { score: number } };
		environment: { benchmarkIndex: number };
		audits: Record<string, { numericValue?: number; details?: { items?: { transferSize?: number }[] } }>;
	};
	return {
		fcp: report.audits['first-contentful-paint']?.numericValue ?? NaN,
		performance: Math.round(report.categories.performance.score * 100),
		tbt: report.audits['total-blocking-time']?.numericValue ?? NaN,
		documentBytes: report.audits['network-requests']?.details?.items?.[0]?.transferSize ?? NaN,
		benchmarkIndex: report.environment.benchmarkIndex,
	};
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2
		? (sorted[middle] ?? NaN)
		: ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const minimalServer = createServer((_request, response) => {
	response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(MINIMAL_HTML);
});
await new Promise<void>((resolve) => minimalServer.listen(MINIMAL_PORT, '127.0.0.1', resolve));
const worker = await startTestServer({ port: WORKER_PORT, migrate: true });
const outDir = mkdtempSync(join(tmpdir(), 'bench-paint-'));

const targets: Target[] = [
	{ kind: 'minimal', url: `http://127.0.0.1:${MINIMAL_PORT}/` },
	{ kind: 'guide', url: worker.url + (args.guide ?? typicalGuide()) },
	{ kind: 'contact', url: `${worker.url}/contact` },
	...listToolPages().map((path): Target => ({ kind: 'tool', url: worker.url + path })),
];
const runs = new Map<Target, Run[]>(targets.map((target) => [target, []]));
try {
	// The Worker's first answers come from a cold isolate: warm every page up before timing it.
	for (const target of targets) for (let i = 0; i < 3; i++) await (await fetch(target.url)).text();
	// Round robin, so a burst of load from elsewhere on the machine lands on every page alike.
	let index = 0;
	for (let round = 1; round <= RUNS; round++) {
		for (const target of targets) {
			process.stderr.write(`\rround ${round}/${RUNS}: ${target.url.padEnd(60)}`);
			// Lighthouse now and then fails to record a trace (NO_NAVSTART): try that run once more.
			const run = await runLighthouse(target.url, outDir, index++).catch((error: unknown) => {
				process.stderr.write(`\n${String(error)}; running it again\n`);
				return runLighthouse(target.url, outDir, index++);
			});
			runs.get(target)?.push(run);
		}
	}
	process.stderr.write('\n');
} finally {
	await worker.stop();
	minimalServer.close();
	rmSync(outDir, { recursive: true, force: true });
}

const summary = targets.map((target) => {
	const results = runs.get(target) ?? [];
	return {
		...target,
		fcp: median(results.map((run) => run.fcp)),
		tbt: median(results.map((run) => run.tbt)),
		performance: median(results.map((run) => run.performance)),
		documentBytes: median(results.map((run) => run.documentBytes)),
	};
});
const floor = summary.find((row) => row.kind === 'minimal')?.fcp ?? NaN;

const width = Math.max(...summary.map((row) => row.url.length));
console.log(
	`${'page'.padEnd(width)} | HTML KB | FCP ms | × minimal | target | TBT ms | perf | target | result`,
);
console.log('-'.repeat(width + 78));
let failures = 0;
for (const row of summary) {
	const ratio = row.fcp / floor;
	const fcpTarget = row.kind === 'minimal' ? undefined : FCP_TARGET[row.kind];
	const perfTarget = row.kind === 'tool' ? TOOL_PERFORMANCE_TARGET : undefined;
	const pass =
		(fcpTarget === undefined || ratio <= fcpTarget) &&
		(perfTarget === undefined || row.performance >= perfTarget);
	if (!pass) failures++;
	console.log(
		[
			row.url.padEnd(width),
			(row.documentBytes / 1000).toFixed(1).padStart(7),
			Math.round(row.fcp).toString().padStart(6),
			ratio.toFixed(2).padStart(9),
			(fcpTarget ? `≤${fcpTarget.toFixed(2)}` : '').padStart(6),
			Math.round(row.tbt).toString().padStart(6),
			row.performance.toString().padStart(4),
			(perfTarget ? `${perfTarget}` : '').padStart(6),
			row.kind === 'minimal' ? 'floor' : pass ? 'pass' : 'FAIL',
		].join(' | '),
	);
}
// Simulated throttling multiplies the page's own CPU time by 4, so the ratios move with the
// machine: say which machine printed them, and how steady its speed was over the runs.
const indexes = [...runs.values()].flat().map((run) => run.benchmarkIndex);
console.log(
	`\nMachine: ${availableParallelism()} CPUs; Lighthouse benchmarkIndex median ${Math.round(median(indexes))} ` +
		`(${Math.round(Math.min(...indexes))}–${Math.round(Math.max(...indexes))} over the runs).`,
);
console.log(
	`Medians of ${RUNS} Lighthouse runs per page (mobile, simulated throttling). HTML KB: the ` +
		'page as sent, headers included (1 KB = 1,000 bytes); past 14.6 KB it costs a simulated round trip. ' +
		`${failures === 0 ? 'All targets met.' : `${failures} page(s) miss a target.`}`,
);
