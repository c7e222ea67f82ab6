import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// src/islands/preact-client.ts hydrates islands without the parts of Astro's Preact entry that
// nothing here needs. Should a page or island start to need one, this fails and says which to add back.
const SRC = join(import.meta.dirname, '../../src');
const sources = (readdirSync(SRC, { recursive: true }) as string[])
	.filter((file) => /\.(astro|tsx?|mdx)$/.test(file) && !file.endsWith('preact-client.ts'))
	.map((file) => ({ file, text: readFileSync(join(SRC, file), 'utf8') }));
const using = (pattern: RegExp) => sources.filter(({ text }) => pattern.test(text)).map(({ file }) => file);

describe('what the trimmed Preact hydration entry leaves out', () => {
	it('no island calls useId, whose ids need per-island masks', () => {
		expect(using(/\buseId\s*\(/)).toEqual([]);
	});
	it('no page renders an island client:only', () => {
		expect(using(/\bclient:only\b/)).toEqual([]);
	});
	it('no page uses view transitions, the one sender of astro:unmount', () => {
		expect(using(/\bClientRouter\b|astro:transitions/)).toEqual([]);
	});
});
