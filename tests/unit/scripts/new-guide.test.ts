import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../scripts/lib/build';
import { checkSources } from '../../../scripts/lib/content-check';

const run = (title: string) =>
	spawnSync(process.execPath, ['scripts/new-guide.ts', title], { cwd: ROOT, encoding: 'utf8' });

describe('npm run new:guide', () => {
	it('scaffolds a draft with every field that passes the content check as a draft', () => {
		const file = join(ROOT, 'content/guides/scaffold-test-zebra-crossing.mdx');
		try {
			const result = run('Scaffold test zebra crossing');
			expect(result.status).toBe(0);
			const text = readFileSync(file, 'utf8');
			for (const field of [
				'title:',
				'description:',
				'publishDate:',
				'reviewedAt:',
				'draft: true',
				'tags:',
				'authors:',
				'# series:',
				'# order:',
				'tools:',
				'# canonical:',
				'# updatedDate:',
			]) {
				expect(text).toContain(field);
			}
			expect(checkSources(join(ROOT, 'content')).filter((p) => p.file.includes('zebra'))).toEqual([]);
		} finally {
			rmSync(file, { force: true });
		}
	});

	it('refuses to overwrite an existing guide', () => {
		const before = readFileSync(join(ROOT, 'content/guides/async-processing.mdx'), 'utf8');
		const result = run('Async Processing');
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('content/guides/async-processing.mdx already exists');
		expect(readFileSync(join(ROOT, 'content/guides/async-processing.mdx'), 'utf8')).toBe(before);
	});
});
