// Adds package-lock.json entries for optional per-platform packages that this registry does
// not serve (see docs/decisions/0004-lockfile-platform-bindings.md). Without them `npm ci`
// refuses the lockfile. Platform fields are read from the package name's suffix.
// Usage: npm run lockfile:platforms
import { readFileSync, writeFileSync } from 'node:fs';

interface LockEntry {
	version?: string;
	optionalDependencies?: Record<string, string>;
	[field: string]: unknown;
}

const OS: Record<string, string> = {
	darwin: 'darwin',
	linux: 'linux',
	windows: 'win32',
	win32: 'win32',
	freebsd: 'freebsd',
	android: 'android',
};

/** os/cpu/libc for names such as "foo-darwin-arm64", "foo-linux-x64-musl" or "foo-win32-x64-msvc". */
function platformOf(name: string): Record<string, string[]> | undefined {
	const match =
		/[-/](darwin|linux|windows|win32|freebsd|android|wasm32)-?(arm64|x64|ia32|wasi)?(?:-(gnu|musl|msvc))?$/.exec(
			name,
		);
	if (!match) return undefined;
	const [, os = '', cpu, libc] = match;
	if (os === 'wasm32') return { cpu: ['wasm32'] };
	return {
		os: [OS[os] ?? os],
		...(cpu ? { cpu: [cpu] } : {}),
		...(libc === 'gnu' ? { libc: ['glibc'] } : libc === 'musl' ? { libc: ['musl'] } : {}),
	};
}

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8')) as { packages: Record<string, LockEntry> };
const added: string[] = [];
for (const [owner, entry] of Object.entries(lock.packages)) {
	for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
		const key = `node_modules/${name}`;
		if (`${owner}/${key}` in lock.packages || key in lock.packages) continue;
		const platform = platformOf(name);
		if (!platform) throw new Error(`Cannot tell the platform of ${name}; add its lock entry by hand.`);
		lock.packages[key] = { version, ...platform, optional: true };
		added.push(`${name}@${version}`);
	}
}
const sorted = Object.fromEntries(
	Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(path, `${JSON.stringify({ ...lock, packages: sorted }, null, 2)}\n`);
console.log(
	added.length ? `Added lock entries: ${added.join(', ')}` : 'Every optional dependency has a lock entry.',
);
