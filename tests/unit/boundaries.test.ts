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

	it('only src/server/bindings.ts reads cloudflare:workers', () => {
		const readers = filesUnder(join(ROOT, 'src'))
			.filter((file) => importsOf(readFileSync(file, 'utf8')).includes('cloudflare:workers'))
			.map((file) => relative(ROOT, file));
		expect(readers).toEqual(['src/server/bindings.ts']);
	});

	it('only the composition root and the middleware build services from the bindings', () => {
		// Pages, endpoints and features get their parts from Astro.locals.services or as arguments.
		const importers = filesUnder(join(ROOT, 'src'))
			.filter((file) =>
				importsOf(readFileSync(file, 'utf8')).some((spec) => /server\/bindings$|^\.\/bindings$/.test(spec)),
			)
			.map((file) => relative(ROOT, file))
			.sort();
		expect(importers).toEqual(['src/middleware.ts', 'src/server/services.ts']);
	});

	it('islands import nothing from the server', () => {
		const violations = filesUnder(join(ROOT, 'src/islands')).flatMap((file) =>
			importsOf(readFileSync(file, 'utf8'))
				.filter((specifier) => /^~\/server\/|\.\.\/server\/|^cloudflare:/.test(specifier))
				.map((specifier) => `${relative(ROOT, file)} imports ${specifier}`),
		);
		expect(violations).toEqual([]);
	});

	it('every operator page and endpoint checks the operator itself, not only the middleware', () => {
		const routes = [...filesUnder(join(ROOT, 'src/pages/admin')), join(ROOT, 'src/pages/api/metrics.ts')];
		const unguarded = routes
			.filter((file) => !readFileSync(file, 'utf8').includes('requireOperator('))
			.map((file) => relative(ROOT, file));
		expect(routes.length).toBeGreaterThan(8);
		expect(unguarded).toEqual([]);
	});
});
