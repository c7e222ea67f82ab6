// Prints what every built page weighs: HTML, CSS and JS bytes, raw and gzipped, and totals.
// Usage: npm run bench:weight   (builds first when dist/ is missing or older than the sources)
import { join } from 'node:path';
import { ensureFreshBuild, ROOT } from '../support/build.ts';
import { measurePages, totalWeight, type Size } from '../support/page-weight.ts';

ensureFreshBuild();
const pages = measurePages(join(ROOT, 'dist/client'));
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
	`\n${pages.length} prerendered pages; KB = 1024 bytes; gz = gzip -9. On-demand pages (e.g. /status) are rendered per request and not listed.`,
);
