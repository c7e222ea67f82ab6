import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

interface LockEntry {
	optionalDependencies?: Record<string, string>;
}

// `npm ci` refuses a lockfile that lacks an entry for any optional dependency, even one for
// another platform. See docs/decisions/0004-lockfile-platform-bindings.md.
describe('package-lock.json', () => {
	const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
		packages: Record<string, LockEntry>;
	};

	it('has an entry for every optional dependency, so npm ci accepts it on any platform', () => {
		const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
			Object.keys(entry.optionalDependencies ?? {})
				.filter(
					(name) =>
						!(`${path}/node_modules/${name}` in lock.packages) && !(`node_modules/${name}` in lock.packages),
				)
				.map((name) => `${name} (wanted by ${path || 'the project'})`),
		);
		expect(missing).toEqual([]);
	});
});
