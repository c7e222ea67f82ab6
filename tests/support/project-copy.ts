import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/build.ts';

/** What a build needs from the project (node_modules is linked, not copied). */
const PROJECT_FILES = [
	'src',
	'content',
	'public',
	'migrations',
	'astro.config.mjs',
	'tsconfig.json',
	'wrangler.jsonc',
	'package.json',
];

/**
 * A throwaway copy of the project, for builds with extra fixture content that must not touch
 * the real `content/` or `dist/`. Remove it with `remove()`.
 */
export function createProjectCopy(): { dir: string; remove: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'loadbearing-copy-'));
	for (const file of PROJECT_FILES) cpSync(join(ROOT, file), join(dir, file), { recursive: true });
	// Each package is linked rather than node_modules as a whole, so the caches Astro and Vite
	// write to node_modules/.astro and .vite stay in the copy instead of the real project's.
	mkdirSync(join(dir, 'node_modules'));
	for (const name of readdirSync(join(ROOT, 'node_modules'))) {
		if (name === '.astro' || name === '.vite') continue;
		symlinkSync(join(ROOT, 'node_modules', name), join(dir, 'node_modules', name));
	}
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
