// Editor-facing checks over the guides: every frontmatter field in every file (all problems
// at once, not just the first), and over the built site: internal links and anchors, image
// alt text and heading levels. Used by `npm run check:content` and the runtime tests.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { AdvisorySchema, citationProblem } from '../../src/lib/content/advisory-schema.ts';
import { checkGuideRules, GuideFrontmatterSchema } from '../../src/lib/content/guide-schema.ts';
import { scenarioFigure } from '../../src/lib/calculators/figure-scenario.ts';
import type { PriceCatalog } from '../../src/lib/pricing/catalog.ts';
import { countWords } from '../../src/lib/content/reading-time.ts';

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

		// MDX makes a component alone on its line a block of its own, splitting the sentence around it.
		for (const match of main.matchAll(/<a class="(cost|sheet-value)"[^>]*>([^<]*)<\/a>/g)) {
			const before = main.slice(Math.max(0, match.index - 12), match.index).trimEnd();
			if (/<\/(p|ul|ol|pre|table|div|figure|h[2-6])>$|<(div|p)\b[^>]*>$/.test(before))
				problems.push({
					file: where,
					message: `A figure (${match[2]}) stands outside its sentence: in the guide, keep the <Cost> or <UnitPrice> on a line with some of the sentence's words`,
				});
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
		// The frontmatter's `advisories:` list names ids by design; blank it, keeping line numbers.
		const lines = readFileSync(join(guidesDir, name), 'utf8')
			.replace(/^---\n[\s\S]*?\n---\n/, (front) => front.replace(/[^\n]/g, ' '))
			.split('\n');
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

/** Each `<Name …/>` tag in an MDX body, whole, however many lines and braces its props span. */
function componentTags(body: string, names: readonly string[]): { name: string; text: string }[] {
	const tags: { name: string; text: string }[] = [];
	for (const match of body.matchAll(new RegExp(`<(${names.join('|')})\\b`, 'g'))) {
		let depth = 0;
		for (let at = match.index; at < body.length; at++) {
			const char = body[at];
			if (char === '{') depth++;
			else if (char === '}') depth--;
			else if (depth === 0 && body.startsWith('/>', at)) {
				tags.push({ name: match[1]!, text: body.slice(match.index, at + 2) });
				break;
			}
		}
	}
	return tags;
}

/** A prop of a component tag: a quoted string, or a `{…}` expression of literals evaluated as JavaScript. */
function tagProp(tag: string, name: string): unknown {
	const quoted = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
	if (quoted) return quoted[1];
	const start = new RegExp(`\\s${name}=\\{`).exec(tag);
	if (!start) return undefined;
	let depth = 0;
	const from = start.index + start[0].length - 1;
	for (let at = from; at < tag.length; at++) {
		if (tag[at] === '{') depth++;
		else if (tag[at] === '}' && --depth === 0)
			return new Function(`return (${tag.slice(from + 1, at)});`)() as unknown;
	}
	return undefined;
}

/**
 * What a guide relies on, listed in its frontmatter (`priceSheets`, `advisories`) so its review
 * notice can appear when one of them changes: every sheet a price component in the body reads
 * and every advisory it cites must be listed, and every listed id must exist.
 */
export function checkGuideDependencies(contentDir: string, catalog: PriceCatalog): ContentProblem[] {
	const sheets = new Set([...catalog.metered, ...catalog.llm, ...catalog.database].map((sheet) => sheet.id));
	const modelSheet = new Map(
		catalog.llm.flatMap((sheet) => sheet.models.map((model) => [model.id, sheet.id])),
	);
	const advisories = new Set(
		readdirSync(join(contentDir, 'advisories'))
			.filter((name) => name.endsWith('.yaml'))
			.map((name) =>
				String((parseYaml(readFileSync(join(contentDir, 'advisories', name), 'utf8')) as { id: unknown }).id),
			),
	);
	const guidesDir = join(contentDir, 'guides');
	return readdirSync(guidesDir)
		.filter((name) => name.endsWith('.mdx') && !name.startsWith('_'))
		.flatMap((name) => {
			const file = `guides/${name}`;
			const source = readFileSync(join(guidesDir, name), 'utf8');
			const front = (parseYaml(/^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '') ?? {}) as {
				priceSheets?: string[];
				advisories?: string[];
			};
			const listedSheets = new Set(front.priceSheets ?? []);
			const listedAdvisories = new Set(front.advisories ?? []);
			const problems: ContentProblem[] = [];
			for (const id of listedSheets)
				if (!sheets.has(id))
					problems.push({ file, message: `priceSheets: "${id}" is not a file in content/pricing` });
			for (const id of listedAdvisories)
				if (!advisories.has(id))
					problems.push({ file, message: `advisories: "${id}" is not an advisory in content/advisories` });
			const body = source.replace(/^---\n[\s\S]*?\n---/, '');
			const used = new Map<string, string>();
			for (const { name: component, text } of componentTags(body, [
				'UnitPrice',
				'Cost',
				'CostTable',
				'CostBars',
			])) {
				const product = tagProp(text, 'product');
				const model = tagProp(text, 'model');
				if (typeof product === 'string') used.set(product, `<UnitPrice product="${product}">`);
				if (typeof model === 'string' && modelSheet.has(model))
					used.set(modelSheet.get(model)!, `<UnitPrice model="${model}">`);
				const calculator = tagProp(text, 'calculator');
				if (typeof calculator !== 'string') continue;
				const bars = (tagProp(text, 'bars') as
					{ figure: string; values?: Record<string, unknown> }[] | undefined) ?? [
					{
						figure: String(tagProp(text, 'figure')),
						values: tagProp(text, 'values') as Record<string, unknown>,
					},
				];
				for (const bar of bars) {
					try {
						const found = scenarioFigure(catalog, calculator, bar.values ?? {}, bar.figure);
						for (const estimate of found.estimates ?? [])
							used.set(
								estimate.priceSheet.id,
								`<${component} calculator="${calculator}" figure="${bar.figure}">`,
							);
					} catch {
						// A wrong calculator, input or figure is reported by the build, with the field named.
					}
				}
			}
			for (const match of body.matchAll(/<Advisory\s+id="([^"]+)"/g))
				if (!listedAdvisories.has(match[1]!))
					problems.push({
						file,
						message: `advisories: add ${match[1]}, which the guide cites, so its review notice follows the advisory`,
					});
			for (const [id, where] of used)
				if (!listedSheets.has(id))
					problems.push({
						file,
						message: `priceSheets: add ${id}, which ${where} reads, so its review notice follows the prices`,
					});
			return problems;
		});
}

/** Fewest links from other guides' bodies that every published guide must have. */
export const MIN_INCOMING_LINKS = 3;
/** Fewest words of prose (code excluded) in a published guide. */
export const MIN_GUIDE_WORDS = 1100;

interface GuideSource {
	slug: string;
	body: string;
	draft: boolean;
}

function guideSources(contentDir: string): GuideSource[] {
	const guidesDir = join(contentDir, 'guides');
	return readdirSync(guidesDir)
		.filter((name) => name.endsWith('.mdx') && !name.startsWith('_'))
		.map((name) => {
			const source = readFileSync(join(guidesDir, name), 'utf8');
			const front = (parseYaml(/^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '') ?? {}) as { draft?: boolean };
			return {
				slug: name.replace(/\.mdx$/, ''),
				body: source.replace(/^---\n[\s\S]*?\n---/, ''),
				draft: front.draft === true,
			};
		});
}

/** Words of prose in each published guide's body, code excluded. */
export function guideWordCounts(contentDir: string): number[] {
	return guideSources(contentDir)
		.filter((guide) => !guide.draft)
		.map((guide) => countWords(guide.body));
}

/** For each published guide, the other published guides whose bodies link to it. */
export function incomingLinks(contentDir: string): Map<string, Set<string>> {
	const guides = guideSources(contentDir).filter((guide) => !guide.draft);
	const incoming = new Map(guides.map((guide) => [guide.slug, new Set<string>()]));
	for (const guide of guides)
		for (const match of guide.body.matchAll(/\]\(\/guides\/([a-z0-9-]+)/g))
			if (match[1] !== guide.slug) incoming.get(match[1]!)?.add(guide.slug);
	return incoming;
}

/**
 * The guides as a set that links itself: every published guide is linked from at least
 * MIN_INCOMING_LINKS others (a guide nobody links is an orphan, named as such), links in its
 * body a tool scenario that matches its advice, and has at least MIN_GUIDE_WORDS words of prose.
 */
export function checkGuideLinks(contentDir: string): ContentProblem[] {
	const incoming = incomingLinks(contentDir);
	const problems: ContentProblem[] = [];
	for (const guide of guideSources(contentDir).filter((source) => !source.draft)) {
		const file = `guides/${guide.slug}.mdx`;
		const from = incoming.get(guide.slug)!;
		if (from.size === 0)
			problems.push({
				file,
				message: `an orphan: no other guide links to it; link it from at least ${MIN_INCOMING_LINKS}`,
			});
		else if (from.size < MIN_INCOMING_LINKS)
			problems.push({
				file,
				message: `only ${from.size} other guide${from.size === 1 ? ' links' : 's link'} to it (${[...from].join(', ')}); link it from at least ${MIN_INCOMING_LINKS}`,
			});
		// A scenario link opens a calculator with inputs; a computed figure links its scenario too.
		if (!/\]\(\/tools\/[a-z-]+\?[^)\s]+\)|<(Cost|CostTable|CostBars|Tool)\b/.test(guide.body))
			problems.push({
				file,
				message:
					'links no tool scenario: link a calculator with the inputs that match the advice, e.g. [what it costs](/tools/hosting?requests=30000000), or quote a <Cost> figure',
			});
		const words = countWords(guide.body);
		if (words < MIN_GUIDE_WORDS)
			problems.push({
				file,
				message: `${words} words of prose; a published guide has at least ${MIN_GUIDE_WORDS}`,
			});
	}
	return problems;
}
