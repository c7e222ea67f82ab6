import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
	);
}

const importsOf = (source: string) =>
	[
		...source.matchAll(/(?:import|export)[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g),
	].map((match) => match[1] ?? match[2] ?? '');

const FORBIDDEN_IN_LIB: [RegExp, string][] = [
	[/^(astro|@astrojs\/)|^astro:/, 'src/lib stays framework-free.'],
	[/^cloudflare:|^~\/server\/|\.\.\/server\//, 'src/lib must not touch bindings or I/O.'],
];

describe('module boundaries', () => {
	it('src/lib imports no framework, binding or server module', () => {
		const violations = filesUnder(join(ROOT, 'src/lib')).flatMap((file) =>
			importsOf(readFileSync(file, 'utf8')).flatMap((specifier) =>
				FORBIDDEN_IN_LIB.filter(([pattern]) => pattern.test(specifier)).map(
					([, why]) => `${relative(ROOT, file)} imports ${specifier}: ${why}`,
				),
			),
		);
		expect(violations).toEqual([]);
	});

	it('only src/server reads bindings from cloudflare:workers', () => {
		const readers = filesUnder(join(ROOT, 'src'))
			.filter((file) => !file.startsWith(join(ROOT, 'src/server')))
			.filter((file) => importsOf(readFileSync(file, 'utf8')).includes('cloudflare:workers'))
			.map((file) => relative(ROOT, file));
		expect(readers).toEqual([]);
	});
});
