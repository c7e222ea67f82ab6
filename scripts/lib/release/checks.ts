import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../build.ts';
import { formatFinding, lintMigrations, type MigrationFinding } from './migration-lint.ts';
import { bundleSizeOf, runWrangler, type BundleSize } from './wrangler.ts';

/**
 * The Worker's gzipped size budget. Cloudflare's limit is far higher (3 MB compressed on Free,
 * 10 MB on Paid: developers.cloudflare.com/workers/platform/limits/#worker-size); this budget
 * guards startup time and catches a dependency pulled into the server bundle by mistake.
 * Measured at 516 KiB on 2026-12-01, once guides stopped being bundled into the Worker.
 */
export const WORKER_GZIP_BUDGET_KIB = 640;

export interface SizeCheck extends BundleSize {
	budgetKiB: number;
	passed: boolean;
}

/** `wrangler deploy --dry-run` on the current build, against the budget. */
export function checkBundleSize(): SizeCheck {
	const outdir = mkdtempSync(join(tmpdir(), 'worker-dry-run-'));
	try {
		const size = bundleSizeOf(runWrangler('dryRun', ['--outdir', outdir]).stdout);
		return { ...size, budgetKiB: WORKER_GZIP_BUDGET_KIB, passed: size.gzipKiB <= WORKER_GZIP_BUDGET_KIB };
	} finally {
		rmSync(outdir, { recursive: true, force: true });
	}
}

export function describeSize(check: SizeCheck): string {
	return `Worker bundle ${check.uploadKiB.toFixed(0)} KiB, gzip ${check.gzipKiB.toFixed(0)} KiB (budget ${check.budgetKiB} KiB): ${check.passed ? 'within budget' : 'OVER BUDGET'}`;
}

export interface MigrationCheck {
	files: number;
	findings: MigrationFinding[];
}

export function checkMigrations(dir = join(ROOT, 'migrations')): MigrationCheck {
	const names = readdirSync(dir)
		.filter((name) => name.endsWith('.sql'))
		.sort();
	const findings = lintMigrations(
		names.map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') })),
	);
	return { files: names.length, findings };
}

export function describeMigrations(check: MigrationCheck): string[] {
	if (check.findings.length === 0)
		return [`migration lint: ${check.files} files, no statement locks or rewrites a table`];
	return [
		`migration lint: ${check.findings.length} finding(s) in ${check.files} files`,
		...check.findings.map(formatFinding),
	];
}
