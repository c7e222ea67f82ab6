/**
 * Runs one release step: `node scripts/release.ts <step> [args]` (see scripts/lib/release/commands.ts).
 * The GitHub workflows call these through the `release:*` npm scripts.
 */
import { RELEASE_COMMANDS } from './lib/release/commands.ts';

const [command = '', ...args] = process.argv.slice(2);
const run = RELEASE_COMMANDS[command];
if (!run) {
	console.error(`usage: node scripts/release.ts <${Object.keys(RELEASE_COMMANDS).join('|')}> [args]`);
	process.exit(2);
}
try {
	await run(args);
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
}
