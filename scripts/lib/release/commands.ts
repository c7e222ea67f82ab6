/**
 * The release steps the GitHub workflows run (.github/workflows/), one subcommand each:
 *   size              wrangler deploy --dry-run on the build, against the gzipped size budget
 *   lint-migrations   fail on migrations that lock or rewrite a table in one step
 *   preview <alias>   upload a version (not deployed) with a preview alias; prints its URL
 *   bookmark          record D1's current Time Travel bookmark before remote migrations
 *   rollout           upload this build as a version and roll it out 10 → 50 → 100 %, gated,
 *                     rolling back to the previous version when a gate fails
 *   rollback <version> [bookmark]   return to a version (and restore D1 to a bookmark)
 * Each writes its results to $GITHUB_OUTPUT and $GITHUB_STEP_SUMMARY when they are set.
 * `npm run release:rehearse` runs the same steps against the local runtime.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../build.ts';
import { checkBundleSize, checkMigrations, describeMigrations, describeSize } from './checks.ts';
import { DEFAULT_GATE_POLICY, runGate, versionOverrideHeader } from './gate.ts';
import { DEFAULT_ROLLOUT_PLAN, parseSteps, rollOut, type RolloutTarget } from './rollout.ts';
import { bookmarkOf, runWrangler, stableVersionId, uploadedVersion } from './wrangler.ts';

function output(name: string, value: string) {
	const file = process.env['GITHUB_OUTPUT'];
	if (file) appendFileSync(file, `${name}=${value}\n`);
}

function summary(markdown: string) {
	const file = process.env['GITHUB_STEP_SUMMARY'];
	if (file) appendFileSync(file, `${markdown}\n`);
}

function required(name: string): string {
	const value = process.env[name];
	if (!value) throw new Error(`${name} is not set (see README "Deploying")`);
	return value;
}

/** The Worker's name as deployed: the build's generated wrangler config. */
function workerName(): string {
	const config = JSON.parse(readFileSync(join(ROOT, 'dist/server/wrangler.json'), 'utf8')) as {
		name?: string;
	};
	if (!config.name) throw new Error('dist/server/wrangler.json has no name: run npm run build first');
	return config.name;
}

const releaseLabel = () => process.env['GITHUB_SHA']?.slice(0, 12) ?? 'local';

/** The release steps by name; `scripts/release.ts <name> [args]` runs one. */
export const RELEASE_COMMANDS: Record<string, (args: string[]) => Promise<void> | void> = {
	size() {
		const check = checkBundleSize();
		console.log(describeSize(check));
		summary(`- ${describeSize(check)}`);
		if (!check.passed) process.exitCode = 1;
	},

	'lint-migrations'() {
		const check = checkMigrations();
		const lines = describeMigrations(check);
		console.log(lines.join('\n'));
		if (check.findings.length > 0) {
			summary(lines.map((line) => `- ${line}`).join('\n'));
			process.exitCode = 1;
		}
	},

	preview([alias]) {
		if (!alias || !/^[a-z0-9-]{1,63}$/.test(alias))
			throw new Error('usage: preview <alias> (lowercase letters, digits, hyphens)');
		const { records } = runWrangler('uploadVersion', [
			'--preview-alias',
			alias,
			'--tag',
			releaseLabel(),
			'--message',
			`preview ${alias}`,
		]);
		const version = uploadedVersion(records);
		const url = version.previewAliasUrl ?? version.previewUrl;
		if (!url) throw new Error('preview URLs are off for this Worker: turn them on in its settings');
		console.log(`version ${version.versionId}: ${url}`);
		output('version_id', version.versionId);
		output('url', url);
	},

	bookmark() {
		const bookmark = bookmarkOf(runWrangler('timeTravelInfo', ['DB', '--json']).stdout);
		console.log(`D1 bookmark before migrations: ${bookmark}`);
		output('bookmark', bookmark);
		summary(`- D1 Time Travel bookmark before this release's migrations: \`${bookmark}\``);
	},

	async rollout([steps]) {
		const siteUrl = required('RELEASE_SITE_URL');
		const plan = {
			steps: steps ? parseSteps(steps) : DEFAULT_ROLLOUT_PLAN.steps,
			soakMs: Number(process.env['RELEASE_SOAK_SECONDS'] ?? DEFAULT_ROLLOUT_PLAN.soakMs / 1000) * 1000,
		};
		const previous = stableVersionId(runWrangler('deploymentStatus', ['--json']).stdout);
		const { versionId } = uploadedVersion(
			runWrangler('uploadVersion', ['--tag', releaseLabel(), '--message', `release ${releaseLabel()}`])
				.records,
		);
		output('previous_version_id', previous);
		output('version_id', versionId);
		console.log(`rolling out ${versionId} (previous ${previous}) in steps ${plan.steps.join(' → ')} %`);
		const deploy = (specs: string[], message: string) =>
			void runWrangler('deployVersions', [...specs, '--yes', '--message', message]);
		const target: RolloutTarget = {
			shift: async (percent) =>
				deploy(
					percent === 100
						? [`${versionId}@100%`]
						: [`${versionId}@${percent}%`, `${previous}@${100 - percent}%`],
					`release ${releaseLabel()}: ${percent} %`,
				),
			rollBack: async () => deploy([`${previous}@100%`], `automatic rollback of ${versionId}: gate failed`),
		};
		const headers = versionOverrideHeader(workerName(), versionId);
		const report = await rollOut({
			plan,
			target,
			gate: () => runGate(siteUrl, headers, DEFAULT_GATE_POLICY),
			log: (line) => console.log(line),
		});
		summary(
			report.gates
				.map(
					({ percent, verdict }) =>
						`- ${percent} %: ${verdict.passed ? 'passed' : verdict.reasons.join('; ')}`,
				)
				.join('\n'),
		);
		if (report.outcome === 'rolled-back') {
			summary(`- **Rolled back to ${previous}**; the gate at ${report.failedAt} % failed.`);
			process.exitCode = 1;
			return;
		}
		// Versions carry code and bindings; cron and queue triggers are applied separately.
		runWrangler('deployTriggers');
		summary(`- ${versionId} serves 100 % of traffic.`);
	},

	rollback([version, bookmark]) {
		if (!version) throw new Error('usage: rollback <version-id> [d1-bookmark]');
		// Code first: the version being restored was built for the schema the bookmark holds.
		runWrangler('rollback', [
			version,
			'--yes',
			'--message',
			`manual rollback by ${process.env['GITHUB_ACTOR'] ?? 'operator'}`,
		]);
		console.log(`version ${version} serves 100 % of traffic`);
		summary(`- Rolled back to version \`${version}\``);
		if (bookmark) {
			runWrangler('timeTravelRestore', ['DB', '--bookmark', bookmark, '--json']);
			console.log(`D1 restored to bookmark ${bookmark}`);
			summary(`- D1 restored to bookmark \`${bookmark}\``);
		}
	},
};
