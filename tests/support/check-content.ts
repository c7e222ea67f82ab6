// npm run check:content: every problem an editor should fix, with the file it is in.
// Builds first when dist/ is older than the sources, since links are checked on built pages.
import { join } from 'node:path';
import { ensureFreshBuild, ROOT } from './build.ts';
import { checkBuiltSite, checkSources, type ContentProblem } from './content-check.ts';
import { ON_DEMAND_PATHS } from './on-demand-paths.ts';

const sourceProblems = checkSources(join(ROOT, 'content'));
const report = (title: string, problems: ContentProblem[]) => {
	if (problems.length === 0) return;
	console.error(`\n${title}`);
	for (const problem of problems) console.error(`  ${problem.file}: ${problem.message}`);
};
report('Frontmatter problems:', sourceProblems);
if (sourceProblems.length > 0) process.exit(1);

ensureFreshBuild();
const builtProblems = checkBuiltSite(join(ROOT, 'dist/client'), ON_DEMAND_PATHS);
report('Problems in the built pages:', builtProblems);
if (builtProblems.length > 0) process.exit(1);
console.log('Content check passed: frontmatter, links, anchors, alt text and heading levels are all fine.');
