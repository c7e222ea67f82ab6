import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { commandEnv } from '../../../scripts/lib/offline-env';
import { RELEASE_COMMANDS } from '../../../scripts/lib/release/commands';
import { WRANGLER_COMMANDS } from '../../../scripts/lib/release/wrangler';

const ROOT = new URL('../../..', import.meta.url).pathname;
const WORKFLOWS = join(ROOT, '.github/workflows');
const scripts = (
	JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

interface Workflow {
	jobs: Record<string, { steps: { run?: string; uses?: string }[] }>;
}

const runLines = readdirSync(WORKFLOWS).flatMap((name) => {
	const workflow = parse(readFileSync(join(WORKFLOWS, name), 'utf8')) as Workflow;
	return Object.entries(workflow.jobs).flatMap(([job, { steps }]) =>
		steps.flatMap((step) =>
			(step.run ?? '')
				.split('\n')
				.map((line) => line.trim())
				.filter(Boolean)
				.map((line) => ({ where: `${name} ${job}`, line })),
		),
	);
});

const WRANGLER_BIN = join(ROOT, 'node_modules/wrangler/bin/wrangler.js');

/** `wrangler <subcommand> --help`; for an unknown subcommand wrangler prints its parent's help, so callers read the usage line. */
function wranglerHelp(subcommand: string): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [WRANGLER_BIN, ...subcommand.split(' '), '--help'], {
			cwd: ROOT,
			env: commandEnv(),
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('error', reject);
		child.on('close', () => resolve(output));
	});
}

/** Each wrangler subcommand the pipeline runs, with the flags it passes: the registry plus the npm scripts' own calls. */
function wranglerUsage(): Map<string, Set<string>> {
	const direct = Object.values(scripts).flatMap((command) =>
		[...command.matchAll(/\bwrangler ((?:[a-z][\w-]*(?= |$) ?)+)/g)].map((match) =>
			match[1]!.trim().split(' '),
		),
	);
	const usage = new Map<string, Set<string>>();
	for (const words of [...Object.values(WRANGLER_COMMANDS), ...direct]) {
		const subcommand = words.filter((word) => !word.startsWith('-')).join(' ');
		const flags = usage.get(subcommand) ?? new Set<string>();
		for (const flag of words.filter((word) => word.startsWith('--'))) flags.add(flag);
		usage.set(subcommand, flags);
	}
	return usage;
}

describe('release workflows', () => {
	it('run only the README test command and npm scripts that exist', () => {
		expect(runLines.length).toBeGreaterThan(10);
		for (const { where, line } of runLines) {
			if (line === 'npm ci' || line === 'npm test') continue;
			const script = /^npm run ([\w:-]+)(?: -- .+)?$/.exec(line)?.[1];
			expect(script, `${where}: "${line}" is not npm ci, npm test or npm run <script>`).toBeDefined();
			expect(scripts[script!], `${where}: npm script "${script}" is missing from package.json`).toBeDefined();
		}
	});

	it('name release steps the release script has', () => {
		const steps = Object.values(scripts).flatMap(
			(command) => /^node scripts\/release\.ts ([\w-]+)$/.exec(command)?.[1] ?? [],
		);
		expect(steps.length).toBeGreaterThan(4);
		for (const step of steps) expect(Object.keys(RELEASE_COMMANDS)).toContain(step);
		for (const command of Object.values(scripts))
			for (const file of command.match(/scripts\/[\w/.-]+\.ts/g) ?? [])
				expect(existsSync(join(ROOT, file)), file).toBe(true);
	});

	it('call only wrangler commands and flags the installed wrangler has', { timeout: 120_000 }, async () => {
		const usage = [...wranglerUsage()];
		expect(usage.map(([subcommand]) => subcommand)).toEqual(
			expect.arrayContaining(['versions upload', 'deploy', 'types']),
		);
		const helps = await Promise.all(usage.map(([subcommand]) => wranglerHelp(subcommand)));
		usage.forEach(([subcommand, flags], i) => {
			expect(helps[i], `wrangler ${subcommand}`).toMatch(new RegExp(`^\\s*wrangler ${subcommand}\\b`, 'm'));
			for (const flag of flags) expect(helps[i], `wrangler ${subcommand} ${flag}`).toContain(flag);
		});
	});
});
