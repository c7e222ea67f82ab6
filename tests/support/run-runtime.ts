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
			stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
		});
		let output = '';
		child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.on('close', (code) => resolve({ code: code ?? 1, output }));
	});
}

ensureFreshBuild(); // once, before both processes look for it
const [shared, own] = await Promise.all([run('runtime', true), run('runtime-own', false)]);
process.stdout.write(`\n-- runtime tests that start their own Worker --\n${own.output}`);
process.exit(shared.code || own.code);
