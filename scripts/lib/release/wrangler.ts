import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../build.ts';
import { commandEnv } from '../offline-env.ts';

/**
 * Every wrangler command the release pipeline runs, once. The workflow test checks each one
 * against the installed wrangler's `--help`, so a renamed command fails in `npm test`, not in a
 * release.
 */
export const WRANGLER_COMMANDS = {
	dryRun: ['deploy', '--dry-run'],
	uploadVersion: ['versions', 'upload'],
	deployVersions: ['versions', 'deploy'],
	deploymentStatus: ['deployments', 'status'],
	deployTriggers: ['triggers', 'deploy'],
	rollback: ['rollback'],
	timeTravelInfo: ['d1', 'time-travel', 'info'],
	timeTravelRestore: ['d1', 'time-travel', 'restore'],
	applyMigrations: ['d1', 'migrations', 'apply'],
} as const;

export type WranglerCommand = keyof typeof WRANGLER_COMMANDS;

export interface WranglerResult {
	stdout: string;
	/** Wrangler's machine-readable records (WRANGLER_OUTPUT_FILE_PATH), one per event. */
	records: Record<string, unknown>[];
}

/** Runs a registered wrangler command from the project root; throws with its output on failure. */
export function runWrangler(command: WranglerCommand, args: string[] = []): WranglerResult {
	const outputDir = mkdtempSync(join(tmpdir(), 'wrangler-output-'));
	const outputFile = join(outputDir, 'records.ndjson');
	try {
		const result = spawnSync('npx', ['wrangler', ...WRANGLER_COMMANDS[command], ...args], {
			cwd: ROOT,
			env: { ...commandEnv(), WRANGLER_OUTPUT_FILE_PATH: outputFile },
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
		if (result.status !== 0)
			throw new Error(
				`wrangler ${[...WRANGLER_COMMANDS[command], ...args].join(' ')} failed:\n${result.stdout}\n${result.stderr}`,
			);
		return { stdout: result.stdout, records: readRecords(outputFile) };
	} finally {
		rmSync(outputDir, { recursive: true, force: true });
	}
}

function readRecords(file: string): Record<string, unknown>[] {
	try {
		return readFileSync(file, 'utf8')
			.split('\n')
			.filter((line) => line.trim())
			.map((line) => JSON.parse(line) as Record<string, unknown>);
	} catch {
		return [];
	}
}

export interface UploadedVersion {
	versionId: string;
	previewUrl?: string | undefined;
	previewAliasUrl?: string | undefined;
}

/** Reads the `version-upload` record wrangler writes after `versions upload`. */
export function uploadedVersion(records: Record<string, unknown>[]): UploadedVersion {
	const record = records.find((entry) => entry['type'] === 'version-upload');
	const versionId = record?.['version_id'];
	if (typeof versionId !== 'string') throw new Error('wrangler versions upload reported no version id');
	const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
	return {
		versionId,
		previewUrl: text(record?.['preview_url']),
		previewAliasUrl: text(record?.['preview_alias_url']),
	};
}

/**
 * The version serving most traffic in `wrangler deployments status --json`: the one to return
 * to. A deployment holds one version, or two during a gradual rollout.
 */
export function stableVersionId(statusJson: string): string {
	const status = JSON.parse(statusJson) as { versions?: { version_id: string; percentage: number }[] };
	const [stable] = [...(status.versions ?? [])].sort((a, b) => b.percentage - a.percentage);
	if (!stable) throw new Error('the current deployment lists no versions');
	return stable.version_id;
}

/** The bookmark in `wrangler d1 time-travel info --json`. */
export function bookmarkOf(infoJson: string): string {
	const bookmark = (JSON.parse(infoJson) as { bookmark?: unknown }).bookmark;
	if (typeof bookmark !== 'string' || !bookmark) throw new Error('time-travel info returned no bookmark');
	return bookmark;
}

export interface BundleSize {
	uploadKiB: number;
	gzipKiB: number;
}

/** Reads "Total Upload: 2479.09 KiB / gzip: 672.11 KiB" from `wrangler deploy --dry-run`. */
export function bundleSizeOf(dryRunOutput: string): BundleSize {
	const match = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(dryRunOutput);
	if (!match) throw new Error('wrangler deploy --dry-run printed no "Total Upload" line');
	return { uploadKiB: Number(match[1]), gzipKiB: Number(match[2]) };
}
