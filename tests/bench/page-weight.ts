// Prints what every page weighs on a first visit: HTML, CSS and JS bytes, raw and gzipped,
// and the totals. Prerendered pages are read from dist/; on-demand pages are fetched from the
// built Worker. Usage: npm run bench:weight (builds first when dist/ is older than the sources)
import { join } from 'node:path';
import { ensureFreshBuild, ROOT } from '../../scripts/lib/build.ts';
import { measurePage, measurePages, totalWeight, type Size } from '../support/page-weight.ts';
import { startTestServer } from '../support/server.ts';

/** Pages rendered per request (`prerender = false`) that return HTML. */
const ON_DEMAND_PAGES = [
	'/status',
	'/tools/hosting',
	'/tools/ai-spend',
	'/tools/downtime',
	'/tools/stack-advisor',
	'/contact',
];

ensureFreshBuild();
const clientDir = join(ROOT, 'dist/client');
const server = await startTestServer({ port: 4441, migrate: true });
const onDemand = [];
try {
	for (const path of ON_DEMAND_PAGES) {
		const html = await (await fetch(server.url + path)).text();
		onDemand.push(measurePage(`${path} (on demand)`, html, clientDir));
	}
} finally {
	await server.stop();
}
const pages = [...measurePages(clientDir), ...onDemand];
const total = totalWeight(pages);

const kb = (bytes: number) => (bytes / 1024).toFixed(1).padStart(7);
const cells = (size: Size) => `${kb(size.raw)} ${kb(size.gzip)}`;
const width = Math.max(10, ...pages.map((p) => p.page.length));
const header = `${'page'.padEnd(width)} | ${'HTML KB  gz KB'.padStart(15)} | ${'CSS KB  gz KB'.padStart(15)} | ${'JS KB  gz KB'.padStart(15)}`;

console.log(header);
console.log('-'.repeat(header.length));
for (const page of pages) {
	console.log(`${page.page.padEnd(width)} | ${cells(page.html)} | ${cells(page.css)} | ${cells(page.js)}`);
}
console.log('-'.repeat(header.length));
console.log(`${'total'.padEnd(width)} | ${cells(total.html)} | ${cells(total.css)} | ${cells(total.js)}`);
console.log(
	`\n${pages.length} pages; KB = 1024 bytes; gz = gzip -9; CSS and JS counted per page as on a first visit.`,
);
