// npm run check:content: every problem an editor should fix, with the file it is in.
// Builds first when dist/ is older than the sources, since links are checked on built pages.
// `npm run check:content -- --today=2027-03-01` checks prices as of another day (to see what goes stale next).
import { join } from 'node:path';
import { CALCULATORS } from '../src/lib/calculators/registry.ts';
import { isoDay } from '../src/lib/pricing/catalog.ts';
import { checkCatalog } from '../src/lib/pricing/catalog-check.ts';
import { ensureFreshBuild, ROOT } from './lib/build.ts';
import {
	checkAdvisoryCitations,
	checkBuiltSite,
	checkGuideDependencies,
	checkGuideFigures,
	checkGuideLinks,
	checkSources,
	type ContentProblem,
} from './lib/content-check.ts';
import { loadPriceCatalog } from './lib/content-data.ts';
import { ON_DEMAND_PATHS } from './lib/on-demand-paths.ts';

const todayArg = process.argv.find((arg) => arg.startsWith('--today='))?.slice('--today='.length);
const today = todayArg ?? isoDay(new Date());
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
	console.error(`--today must be a date written as YYYY-MM-DD, e.g. --today=2027-03-01 (got "${today}")`);
	process.exit(2);
}

const report = (title: string, problems: ContentProblem[]) => {
	if (problems.length === 0) return;
	console.error(`\n${title}`);
	for (const problem of problems) console.error(`  ${problem.file}: ${problem.message}`);
};
const contentDir = join(ROOT, 'content');
const sourceProblems = checkSources(contentDir);
report('Frontmatter problems:', sourceProblems);
const priceProblems = checkCatalog(loadPriceCatalog(today), Object.values(CALCULATORS));
report(`Price problems (as of ${today}):`, priceProblems);
const figureProblems = checkGuideFigures(contentDir);
report('Dollar amounts in guides with neither a computed figure nor a citation:', figureProblems);
const advisoryProblems = checkAdvisoryCitations(contentDir);
report('Security advisories cited wrongly:', advisoryProblems);
const dependencyProblems = checkGuideDependencies(contentDir, loadPriceCatalog(today));
report('Price sheets and advisories a guide relies on but does not list:', dependencyProblems);
const linkProblems = checkGuideLinks(contentDir);
report('Guides too short, too rarely linked, or linking no tool scenario:', linkProblems);
const problems = [
	sourceProblems,
	priceProblems,
	figureProblems,
	advisoryProblems,
	dependencyProblems,
	linkProblems,
];
if (problems.some((list) => list.length > 0)) process.exit(1);

ensureFreshBuild();
const builtProblems = checkBuiltSite(join(ROOT, 'dist/client'), ON_DEMAND_PATHS);
report('Problems in the built pages:', builtProblems);
if (builtProblems.length > 0) process.exit(1);
console.log(
	`Content check passed: frontmatter, prices (as of ${today}), guide figures, advisories, what guides rely on, the link graph, links, anchors, alt text and heading levels are all fine.`,
);
