// Editor-facing checks over the guides: every frontmatter field in every file (all problems
// at once, not just the first), and over the built site: internal links and anchors, image
// alt text and heading levels. Used by `npm run check:content` and the runtime tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AdvisorySchema, citationProblem } from '../../src/lib/content/advisory-schema.ts';
import { checkGuideRules, GuideFrontmatterSchema } from '../../src/lib/content/guide-schema.ts';

/** One thing an editor should fix, with where it is. */
export interface ContentProblem {
	file: string;
	message: string;
}

/** Checks the frontmatter of every guide in `contentDir` against the schema and the known ids. */
export function checkSources(contentDir: string): ContentProblem[] {
	const ids = (folder: string) =>
		new Set(
			readdirSync(join(contentDir, folder))
				.filter((name) => name.endsWith('.yaml'))
				.map((name) => name.replace(/\.yaml$/, '')),
		);
	const authors = ids('authors');
	const series = ids('series');
	const guidesDir = join(contentDir, 'guides');
	return readdirSync(guidesDir)
		.filter((name) => name.endsWith('.mdx') && !name.startsWith('_'))
		.flatMap((name) => {
			const file = `guides/${name}`;
			const frontmatter = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(guidesDir, name), 'utf8'))?.[1];
			if (frontmatter === undefined)
				return [{ file, message: 'No frontmatter: the file must start with a --- block' }];
			let data: unknown;
			try {
				data = parseYaml(frontmatter);
			} catch (error) {
				return [
					{
						file,
						message: `Frontmatter is not valid YAML (quote values that contain ": "): ${String(error)}`,
					},
				];
			}
			const parsed = GuideFrontmatterSchema.safeParse(data);
			const problems = parsed.success
				? []
				: parsed.error.issues.map((issue) => ({
						file,
						message: `${issue.path.join('.') || 'frontmatter'}: ${issue.message}`,
					}));
			// zod skips cross-field rules once a field fails; run them anyway so the editor sees everything.
			if (!parsed.success && typeof data === 'object' && data !== null) {
				const raw = data as {
					publishDate?: unknown;
					updatedDate?: unknown;
					series?: unknown;
					order?: unknown;
				};
				checkGuideRules(
					{
						publishDate: new Date(String(raw.publishDate)),
						updatedDate: raw.updatedDate === undefined ? undefined : new Date(String(raw.updatedDate)),
						series: raw.series,
						order: typeof raw.order === 'number' ? raw.order : undefined,
					},
					{
						addIssue: (issue) =>
							problems.push({ file, message: `${issue.path.join('.')}: ${issue.message}` }),
					},
				);
			}
			if (parsed.success && !parsed.data.draft && /\bTODO\b/.test(frontmatter)) {
				problems.push({
					file,
					message: 'Still has a TODO placeholder: finish it, or keep draft: true until it is done',
				});
			}
			if (parsed.success) {
				for (const author of parsed.data.authors) {
					if (!authors.has(author))
						problems.push({ file, message: `authors: no profile content/authors/${author}.yaml` });
				}
				if (parsed.data.series !== undefined && !series.has(parsed.data.series)) {
					problems.push({ file, message: `series: no series content/series/${parsed.data.series}.yaml` });
				}
			}
			return problems;
		});
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return ['_astro', 'pagefind'].includes(entry.name) ? [] : htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

/** The built file that serves a public path, if any (build.format "file"). */
function fileForPath(clientDir: string, path: string): string | undefined {
	const clean = decodeURI(path).replace(/\/$/, '');
	const candidates = clean === '' ? ['index.html'] : [`${clean}.html`, `${clean}/index.html`, clean];
	return candidates
		.map((candidate) => join(clientDir, candidate))
		.find((file) => existsSync(file) && !file.endsWith('/'));
}

const idsIn = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));

/**
 * Checks every built page: internal links reach a page (or one of `onDemandPaths`), anchors
 * exist on their target, images have alt text, and headings inside <main> do not skip levels.
 */
export function checkBuiltSite(clientDir: string, onDemandPaths: readonly string[]): ContentProblem[] {
	const problems: ContentProblem[] = [];
	for (const file of htmlFiles(clientDir)) {
		const html = readFileSync(file, 'utf8');
		const where = relative(clientDir, file);
		const main = /<main\b[\s\S]*<\/main>/.exec(html)?.[0] ?? '';

		for (const [, href = ''] of html.matchAll(/<a\b[^>]*\shref="([^"]+)"/g)) {
			if (!href.startsWith('/') && !href.startsWith('#')) continue;
			const [pathAndQuery = '', anchor] = href.split('#');
			const path = pathAndQuery.split('?')[0] ?? '';
			if (path.startsWith('//')) continue;
			if (path !== '' && onDemandPaths.includes(path)) continue;
			const target = path === '' ? file : fileForPath(clientDir, path);
			if (!target) {
				problems.push({ file: where, message: `Broken link: ${href} (no page at ${path})` });
			} else if (anchor && target.endsWith('.html') && !idsIn(readFileSync(target, 'utf8')).has(anchor)) {
				problems.push({ file: where, message: `Broken anchor: ${href} (no element with id "${anchor}")` });
			}
		}

		for (const [tag] of main.matchAll(/<[a-z][a-z0-9]*\b[^>]*\sstyle="[^"]*"[^>]*>/g)) {
			problems.push({
				file: where,
				message: `Inline style attribute, which the CSP blocks: ${tag.slice(0, 80)}`,
			});
		}

		for (const [tag] of main.matchAll(/<img\b[^>]*>/g)) {
			if (!/\salt="/.test(tag))
				problems.push({ file: where, message: `Image without alt text: ${tag.slice(0, 80)}` });
		}

		let previous = 0;
		for (const [, level = '1'] of main.matchAll(/<h([1-6])\b/g)) {
			const depth = Number(level);
			if (previous > 0 && depth > previous + 1) {
				problems.push({ file: where, message: `Heading level skipped: h${previous} followed by h${depth}` });
			}
			previous = depth;
		}
	}
	return problems;
}

/** A dollar amount in prose: "$5", "5 dollars", "5 US dollars", "USD 5", "5 USD". */
const DOLLAR_AMOUNT = /\$\s?\d|\b\d[\d,.]*\s*(?:US\s+)?dollars?\b|\bUSD\s?\d|\b\d[\d,.]*\s?USD\b/i;
/** A citation in the same paragraph: a link to a source page, or a component's source attribute. */
const CITATION = /\]\(https?:\/\/|\bsource=["']https?:\/\//;

/** Paragraphs (runs of non-blank lines), each with the line number it starts on. */
function paragraphs(text: string): { start: number; lines: string[] }[] {
	const blocks: { start: number; lines: string[] }[] = [];
	text.split('\n').forEach((line, index) => {
		if (line.trim() === '') return;
		const last = blocks.at(-1);
		if (last && last.start + last.lines.length === index + 1) last.lines.push(line);
		else blocks.push({ start: index + 1, lines: [line] });
	});
	return blocks;
}

/**
 * Dollar amounts a guide writes out by hand with no citation beside them. A figure worked out from
 * our price sheets belongs in <Cost>, <CostTable> or <UnitPrice>, which recompute it when a sheet
 * changes; any other amount needs a link to where it comes from in the same paragraph. Numbers in
 * a Markdown table whose header says USD are dollar amounts too.
 */
export function checkGuideFigures(contentDir: string): ContentProblem[] {
	const guidesDir = join(contentDir, 'guides');
	return readdirSync(guidesDir)
		.filter((name) => name.endsWith('.mdx') && !name.startsWith('_'))
		.flatMap((name) => {
			const source = readFileSync(join(guidesDir, name), 'utf8');
			// Frontmatter and code blocks are blanked (not removed) so line numbers stay true.
			const prose = source
				.replace(/^---\n[\s\S]*?\n---\n/, (front) => front.replace(/[^\n]/g, ' '))
				.replace(/```[\s\S]*?```/g, (block) => block.replace(/[^\n]/g, ' '));
			return paragraphs(prose).flatMap(({ start, lines }) => {
				if (CITATION.test(lines.join('\n'))) return [];
				const usdTable = lines.some((line) => /^\s*\|.*\bUSD\b.*\|\s*$/.test(line));
				return lines.flatMap((line, index) => {
					const tableAmount =
						usdTable && /^\s*\|/.test(line) && !/^\s*\|[\s|:-]+\|\s*$/.test(line)
							? /\|\s*\**(\d[\d,.]*)\**\s*\|\s*$/.exec(line)?.[1]
							: undefined;
					const amount = DOLLAR_AMOUNT.exec(line)?.[0] ?? tableAmount;
					return amount
						? [
								{
									file: `guides/${name}`,
									message: `line ${start + index}: "${amount.trim()}" has no source. Use <Cost>, <CostTable> or <UnitPrice> for a figure from our price sheets, or link its source in the same paragraph`,
								},
							]
						: [];
				});
			});
		});
}

/**
 * Security advisories in guides and stack profiles: every `<Advisory id>` must name an advisory
 * in content/advisories that was not withdrawn, and no CVE id may stand as bare text (it would
 * not be checked when the record changes). Stack profiles never name a CVE: the advisor lists
 * each stack's advisories from content/advisories.
 */
export function checkAdvisoryCitations(contentDir: string): ContentProblem[] {
	const advisories = readdirSync(join(contentDir, 'advisories'))
		.filter((name) => name.endsWith('.yaml'))
		.map((name) =>
			AdvisorySchema.parse(parseYaml(readFileSync(join(contentDir, 'advisories', name), 'utf8'))),
		);
	const problems: ContentProblem[] = [];
	const guidesDir = join(contentDir, 'guides');
	for (const name of readdirSync(guidesDir).filter(
		(file) => file.endsWith('.mdx') && !file.startsWith('_'),
	)) {
		const lines = readFileSync(join(guidesDir, name), 'utf8').split('\n');
		lines.forEach((line, index) => {
			const cited = [...line.matchAll(/<Advisory\s+id="([^"]+)"/g)].map((match) => match[1] ?? '');
			for (const id of cited) {
				const problem = citationProblem(id, advisories);
				if (problem) problems.push({ file: `guides/${name}`, message: `line ${index + 1}: ${problem}` });
			}
			// Bare ids: outside <Advisory …/> and outside link targets (a URL may contain an id).
			const prose = line.replace(/<Advisory\s+[^>]*\/>/g, '').replace(/\]\([^)]*\)/g, ']');
			for (const match of prose.matchAll(/\bCVE-\d{4}-\d{4,}\b/g))
				problems.push({
					file: `guides/${name}`,
					message: `line ${index + 1}: ${match[0]} is bare text; cite it as <Advisory id="${match[0]}" /> so a withdrawn or wrong id fails the build`,
				});
		});
	}
	const stacksDir = join(contentDir, 'stacks');
	for (const name of readdirSync(stacksDir).filter((file) => file.endsWith('.yaml'))) {
		for (const match of readFileSync(join(stacksDir, name), 'utf8').matchAll(/\bCVE-\d{4}-\d{4,}\b/g))
			problems.push({
				file: `stacks/${name}`,
				message: `${match[0]}: name no advisory in a stack profile; add it to content/advisories with this stack in its stacks list`,
			});
	}
	for (const advisory of advisories) {
		if (advisory.duplicateOf && citationProblem(advisory.duplicateOf, advisories))
			problems.push({
				file: `advisories/${advisory.id.toLowerCase()}.yaml`,
				message: `duplicateOf: ${advisory.duplicateOf} must be an advisory in content/advisories that can be cited`,
			});
	}
	return problems;
}
