import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
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
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
