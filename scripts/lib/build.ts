import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { commandEnv } from './offline-env.ts';

/** Project root (scripts/lib/../..). */
export const ROOT = new URL('../..', import.meta.url).pathname;

// Everything that changes the build output.
const BUILD_INPUTS = ['src', 'content', 'public', 'astro.config.mjs', 'wrangler.jsonc', 'package-lock.json'];
const BUILD_MARKER = join(ROOT, 'dist/server/entry.mjs');

function newestMtime(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return readdirSync(path).reduce(
		(newest, name) => Math.max(newest, newestMtime(join(path, name))),
		stat.mtimeMs,
	);
}

/**
 * Builds the site unless dist/ is newer than every input, so `npm test` builds once and the
 * runtime and e2e layers share that build, while each layer run alone still tests fresh code.
 */
export function ensureFreshBuild(): void {
	const built = existsSync(BUILD_MARKER) ? statSync(BUILD_MARKER).mtimeMs : 0;
	const changed = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(ROOT, input))));
	if (built > changed) return;
	const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit', env: commandEnv() });
	if (result.status !== 0) throw new Error('npm run build failed; see the output above.');
}
