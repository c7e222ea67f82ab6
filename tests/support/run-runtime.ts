/**
 * `npm run test:runtime [-- files]`: the runtime tests in two vitest processes side by side, one
 * for the tests on the shared server and one for those that start their own Worker
 * (tests/vitest.config.ts). Both mostly wait on retries, queues and timers, so on two cores the
 * pair takes about the time of the longer group. The shared group's output streams; the other's
 * follows when it ends.
 */
import { spawn } from 'node:child_process';
import { ensureFreshBuild, ROOT } from '../../scripts/lib/build.ts';

const filters = process.argv.slice(2);
// With file filters, one group may have nothing to run; that group then passes.
const common = [
	'vitest',
	'run',
	'--config',
	'tests/vitest.config.ts',
	...(filters.length ? ['--passWithNoTests'] : []),
];

function run(project: string, live: boolean): Promise<{ code: number; output: string }> {
	return new Promise((resolve) => {
		const child = spawn('npx', [...common, '--project', project, ...filters], {
			cwd: ROOT,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		const keep = (stream: NodeJS.WriteStream) => (chunk: Buffer) => {
			output += chunk.toString();
			if (live) stream.write(chunk);
		};
		child.stdout.on('data', keep(process.stdout));
		child.stderr.on('data', keep(process.stderr));
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}

ensureFreshBuild(); // once, before both processes look for it
const [shared, own] = await Promise.all([run('runtime', true), run('runtime-own', false)]);
process.stdout.write(`\n-- runtime tests that start their own Worker --\n${own.output}`);
// --passWithNoTests lets one group be empty; a filter that matches nothing in either still fails.
const noneFound = [shared, own].every(({ output }) => output.includes('No test files found'));
if (noneFound) console.error(`no runtime test file matches ${filters.join(' ')}`);
process.exit(shared.code || own.code || (noneFound ? 1 : 0));
