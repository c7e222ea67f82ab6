// How the build scales with the number of guides: builds a throwaway copy of the project twice,
// as it is (the fixed cost) and with N synthetic guides added, and prints build seconds, the
// milliseconds each extra guide costs, peak memory and the largest HTML pages, against the
// targets. The copy lives in the system temp folder and is removed afterwards.
// Usage: npm run bench:build -- [guides=1000]
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { commandEnv } from '../../scripts/lib/offline-env.ts';
import { createProjectCopy } from '../support/project-copy.ts';
import { addSyntheticGuides } from '../support/synthetic-guides.ts';

const GUIDES = Number(process.argv[2] ?? 1000);
if (!Number.isInteger(GUIDES) || GUIDES < 1) throw new Error('Usage: npm run bench:build -- <guides>');

/** The issue's targets at 1,000 guides. */
const TARGET = { msPerGuide: 50, peakBytes: 2 * 1024 ** 3, pageBytes: 100 * 1024 } as const;
const SAMPLE_MS = 200;
/** GNU time reports the CPU seconds of the build and every child it waited for. */
const GNU_TIME = '/usr/bin/time';

/** Resident bytes of a process and all its descendants, read from /proc. */
function treeRss(rootPid: number): { total: number; largest: number } {
	const children = new Map<number, number[]>();
	const rss = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// Fields after the command name, which is in parentheses and may contain spaces.
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const pid = Number(name);
			const parent = Number(fields[1]);
			rss.set(pid, Number(fields[21]) * 4096); // rss is in pages (4 KiB here)
			children.set(parent, [...(children.get(parent) ?? []), pid]);
		} catch {
			// The process ended while we looked.
		}
	}
	let total = 0;
	let largest = 0;
	const queue = [rootPid];
	while (queue.length > 0) {
		const pid = queue.pop() as number;
		const bytes = rss.get(pid) ?? 0;
		total += bytes;
		largest = Math.max(largest, bytes);
		queue.push(...(children.get(pid) ?? []));
	}
	return { total, largest };
}

interface BuildRun {
	seconds: number;
	/** User + system CPU seconds of the whole tree, when GNU time is installed: steadier than wall time on a busy machine. */
	cpuSeconds: number | undefined;
	peakTreeBytes: number;
	peakProcessBytes: number;
}

/** Runs `astro build` in `dir` from clean caches, sampling the process tree's memory. */
async function build(dir: string): Promise<BuildRun> {
	for (const cache of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite'])
		rmSync(join(dir, cache), { recursive: true, force: true });
	const started = performance.now();
	const cpuFile = join(dir, 'build-cpu.txt');
	const command = [process.execPath, 'node_modules/astro/bin/astro.mjs', 'build'];
	const timed = existsSync(GNU_TIME);
	const [program, ...args] = timed ? [GNU_TIME, '-f', '%U %S', '-o', cpuFile, ...command] : command;
	const child = spawn(program as string, args, {
		cwd: dir,
		env: commandEnv(),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let output = '';
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	let peakTreeBytes = 0;
	let peakProcessBytes = 0;
	const sampler = setInterval(() => {
		const { total, largest } = treeRss(child.pid as number);
		peakTreeBytes = Math.max(peakTreeBytes, total);
		peakProcessBytes = Math.max(peakProcessBytes, largest);
	}, SAMPLE_MS);
	const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
	clearInterval(sampler);
	if (code !== 0) throw new Error(`astro build failed in ${dir}:\n${output.slice(-4000)}`);
	const cpuSeconds = timed
		? readFileSync(cpuFile, 'utf8')
				.trim()
				.split(/\s+/)
				.reduce((sum, value) => sum + Number(value), 0)
		: undefined;
	return { seconds: (performance.now() - started) / 1000, cpuSeconds, peakTreeBytes, peakProcessBytes };
}

function htmlPages(dir: string): { path: string; bytes: number }[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.html'))
		.map((name) => ({ path: relative(dir, join(dir, name)), bytes: statSync(join(dir, name)).size }))
		.sort((a, b) => b.bytes - a.bytes);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** The Worker's copy of the content store (guides' metadata, price sheets…): raw and gzipped bytes. */
function workerStore(dir: string): string {
	const chunks = join(dir, 'dist/server/chunks');
	const name = readdirSync(chunks).find((file) => /^_astro_data-layer-content.*\.mjs$/.test(file));
	if (!name) return 'not found';
	const bytes = readFileSync(join(chunks, name));
	return `${kb(bytes.length)} (${kb(gzipSync(bytes, { level: 9 }).length)} gzipped)`;
}
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const verdict = (ok: boolean) => (ok ? 'pass' : 'FAIL');

const copy = createProjectCopy();
try {
	console.log(`Copy at ${copy.dir}; building it as it is (fixed cost)…`);
	const fixed = await build(copy.dir);
	console.log(`  ${fixed.seconds.toFixed(1)} s, peak ${gb(fixed.peakTreeBytes)}`);
	const fixedStore = workerStore(copy.dir);

	addSyntheticGuides(join(copy.dir, 'content/guides'), GUIDES);
	console.log(`Building it with ${GUIDES} synthetic guides added…`);
	const scaled = await build(copy.dir);
	const client = join(copy.dir, 'dist/client');
	const pages = htmlPages(client);
	const oversize = pages.filter((page) => page.bytes > TARGET.pageBytes);
	const msPerGuide = ((scaled.seconds - fixed.seconds) * 1000) / GUIDES;
	const cpu = (run: BuildRun) =>
		run.cpuSeconds === undefined ? '      –' : run.cpuSeconds.toFixed(1).padStart(7);
	const cpuMsPerGuide =
		scaled.cpuSeconds !== undefined && fixed.cpuSeconds !== undefined
			? ((scaled.cpuSeconds - fixed.cpuSeconds) * 1000) / GUIDES
			: undefined;
	const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
	const feeds = ['rss.xml', 'sitemap.xml', 'llms.txt'].map(
		(file) => `${file} ${kb(statSync(join(client, file)).size)}`,
	);

	console.log(`
Build of the copy                     seconds   CPU s   peak memory (process tree / largest process)
  as it is                            ${fixed.seconds.toFixed(1).padStart(7)} ${cpu(fixed)}   ${gb(fixed.peakTreeBytes)} / ${gb(fixed.peakProcessBytes)}
  with ${String(GUIDES).padEnd(5)} synthetic guides      ${scaled.seconds.toFixed(1).padStart(7)} ${cpu(scaled)}   ${gb(scaled.peakTreeBytes)} / ${gb(scaled.peakProcessBytes)}

Per guide beyond the fixed cost: ${msPerGuide.toFixed(1)} ms (target ≤ ${TARGET.msPerGuide} ms) ${verdict(msPerGuide <= TARGET.msPerGuide)}${
		cpuMsPerGuide === undefined ? '' : `; CPU ${cpuMsPerGuide.toFixed(1)} ms per guide`
	}
Peak memory: ${gb(scaled.peakTreeBytes)} (target ≤ ${gb(TARGET.peakBytes)}) ${verdict(scaled.peakTreeBytes <= TARGET.peakBytes)}
Largest HTML pages (${pages.length} pages):
${pages
	.slice(0, 5)
	.map((page) => `  ${kb(page.bytes).padStart(9)}  ${page.path}`)
	.join('\n')}
Pages over ${kb(TARGET.pageBytes)}: ${oversize.length} ${verdict(oversize.length === 0)}${oversize
		.slice(0, 20)
		.map((page) => `\n  ${kb(page.bytes).padStart(9)}  ${page.path}`)
		.join('')}
Feeds: ${feeds.join(', ')}
Worker content store: ${fixedStore} as it is, ${workerStore(copy.dir)} with the synthetic guides

Memory is the summed resident set of the build process and all its children (Pagefind included),
sampled from /proc every ${SAMPLE_MS} ms; KB = 1024 bytes. Caches are cleared before each build.
CPU s is user + system time from ${GNU_TIME} (children included). Load average at the end: ${load}
(on a shared machine wall time stretches with the load; compare runs made side by side).`);
	if (oversize.length > 0 || msPerGuide > TARGET.msPerGuide || scaled.peakTreeBytes > TARGET.peakBytes)
		process.exitCode = 1;
} finally {
	copy.remove();
}
