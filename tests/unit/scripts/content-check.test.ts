import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	checkAdvisoryCitations,
	checkBuiltSite,
	checkGuideDependencies,
	checkGuideFigures,
	checkGuideLinks,
	checkSources,
} from '../../../scripts/lib/content-check';
import { loadPriceCatalog } from '../../../scripts/lib/content-data';

const root = mkdtempSync(join(tmpdir(), 'content-check-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(path: string, text: string) {
	const file = join(root, path);
	mkdirSync(join(file, '..'), { recursive: true });
	writeFileSync(file, text);
}

describe('checkBuiltSite', () => {
	write('site/index.html', '<main><h1>Home</h1><a href="/guides/a">A</a><a href="/status">Status</a></main>');
	write(
		'site/guides/a.html',
		`<main><h1>A</h1><h2 id="why">Why</h2><h4>Too deep</h4>
		<a href="/guides/a#why">ok</a><a href="#missing">bad anchor</a><a href="/guides/b">missing page</a>
		<a href="https://example.com/x">external</a><img src="/x.png"><img src="/y.png" alt=""></main>`,
	);
	const problems = checkBuiltSite(join(root, 'site'), ['/status']).map((p) => `${p.file}: ${p.message}`);

	it('finds links to pages that do not exist', () => {
		expect(problems).toContain('guides/a.html: Broken link: /guides/b (no page at /guides/b)');
	});

	it('finds anchors with no matching id', () => {
		expect(problems).toContain('guides/a.html: Broken anchor: #missing (no element with id "missing")');
	});

	it('finds a price figure split from its sentence, but not one inside it', () => {
		write(
			'figures-site/guides/costs.html',
			`<main><h1>Costs</h1><p>Workers costs</p><a class="cost" href="/tools/hosting">$5.00</a><p>a month.</p>
			<p><a class="sheet-value" href="https://example.com">$0.30</a> per million.</p>
			<p>Requests cost <a class="sheet-value" href="https://example.com">$0.30</a> per million.</p></main>`,
		);
		const split = checkBuiltSite(join(root, 'figures-site'), ['/tools/hosting']).map((p) => p.message);
		expect(split).toEqual([
			expect.stringMatching(/^A figure \(\$5\.00\) stands outside its sentence/),
			expect.stringMatching(/^A figure \(\$0\.30\) stands outside its sentence/),
		]);
	});

	it('finds images without alt text, but accepts alt="" for decoration', () => {
		expect(problems.filter((p) => p.includes('Image without alt text'))).toEqual([
			'guides/a.html: Image without alt text: <img src="/x.png">',
		]);
	});

	it('finds skipped heading levels', () => {
		expect(problems).toContain('guides/a.html: Heading level skipped: h2 followed by h4');
	});

	it('accepts working links, on-demand routes and external links', () => {
		expect(problems.filter((p) => p.startsWith('index.html'))).toEqual([]);
		expect(problems).toHaveLength(4);
	});
});

describe('checkSources', () => {
	write('content/authors/jo.yaml', 'name: Jo\n');
	write('content/series/s.yaml', 'title: S\n');
	const valid = `title: "A perfectly good title for a guide"
description: "${'A description long enough to sit within the range search engines show in results. '.repeat(1).trim()}"
publishDate: 2026-01-01
reviewedAt: 2026-01-01
tags: [async]
authors: [jo]`;
	write('content/guides/good.mdx', `---\n${valid}\n---\nBody`);
	write(
		'content/guides/bad.mdx',
		`---\n${valid.replace('[async]', '[asynk]').replace('[jo]', '[nobody]')}\nseries: s\n---\nBody`,
	);
	write('content/guides/_draft-notes.mdx', 'no frontmatter at all');
	const problems = checkSources(join(root, 'content')).map((p) => `${p.file}: ${p.message}`);

	it('reports every problem in a file, naming the field and the fix', () => {
		expect(problems).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^guides\/bad\.mdx: tags\.0: Unknown tag "asynk"\. Use one of: .*async/),
				'guides/bad.mdx: order: This guide is in a series, so it needs an order (1 for the first part)',
			]),
		);
	});

	it('skips files whose names start with an underscore, and passes good files', () => {
		expect(problems.some((p) => p.includes('_draft-notes') || p.startsWith('guides/good'))).toBe(false);
	});

	it('stops a guide with a TODO placeholder from being published, but allows it in a draft', () => {
		write(
			'content/guides/todo.mdx',
			`---\n${valid.replace('A perfectly good title', 'TODO title')}\n---\nBody`,
		);
		write(
			'content/guides/todo-draft.mdx',
			`---\n${valid.replace('A perfectly good title', 'TODO title')}\ndraft: true\n---\nBody`,
		);
		const again = checkSources(join(root, 'content')).map((p) => `${p.file}: ${p.message}`);
		expect(again).toContain(
			'guides/todo.mdx: Still has a TODO placeholder: finish it, or keep draft: true until it is done',
		);
		expect(again.some((p) => p.startsWith('guides/todo-draft.mdx'))).toBe(false);
	});

	it('reports an author with no profile once the frontmatter is otherwise valid', () => {
		write('content/guides/bad-author.mdx', `---\n${valid.replace('[jo]', '[nobody]')}\n---\nBody`);
		const again = checkSources(join(root, 'content')).map((p) => `${p.file}: ${p.message}`);
		expect(again).toContain('guides/bad-author.mdx: authors: no profile content/authors/nobody.yaml');
	});
});

describe('checkGuideFigures', () => {
	const dir = mkdtempSync(join(tmpdir(), 'guide-figures-'));
	mkdirSync(join(dir, 'guides'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	writeFileSync(
		join(dir, 'guides/costs.mdx'),
		[
			'---',
			'title: "Costs: $5 in the frontmatter is not prose"',
			'---',
			'',
			'Workers costs 5 US dollars a month.',
			'',
			'S3 costs $0.023 per GB-month ([S3 pricing](https://aws.amazon.com/s3/pricing/)).',
			'',
			'| Line item | Cost (USD) |',
			'| --- | --- |',
			'| Plan | **5.00** |',
			'',
			'```sh',
			'echo "$5 in a code block is an example"',
			'```',
			'',
			'Workers costs <UnitPrice product="cloudflare-workers" fee /> a month.',
			'',
			'<KeyNumber value="$0.09" label="Egress" source="https://aws.amazon.com/s3/pricing/" />',
		].join('\n'),
	);
	const problems = checkGuideFigures(dir).map((problem) => problem.message);

	it('reports a hand-written amount with no source, by line', () => {
		expect(problems[0]).toMatch(
			/^line 5: "5 US dollars" has no source\. Use <Cost>, <CostTable> or <UnitPrice>/,
		);
	});

	it('reports amounts in a table whose header says USD', () => {
		expect(problems[1]).toMatch(/^line 11: "5.00" has no source/);
	});

	it('accepts a cited amount, a computed one, code and frontmatter', () => {
		expect(problems).toHaveLength(2);
	});
});

describe('checkAdvisoryCitations', () => {
	const advisory = (id: string, extra = '') => `id: ${id}
title: A test advisory
product: Next.js
ecosystem: npm
packages: [next]
affected: "<1.0.1"
fixed: ["1.0.1"]
cvss: 9.1
cvssVersion: "3.1"
severity: critical
exploited: false
published: 2025-03-21
updated: 2025-04-08
summary: A spoofed header makes the framework skip its middleware.
source: https://github.com/CVEProject/cvelistV5/blob/main/cves/2025/29xxx/${id}.json
${extra}`;
	write('advisories-site/advisories/cve-2025-29927.yaml', advisory('CVE-2025-29927', 'status: published'));
	write(
		'advisories-site/advisories/cve-2025-66478.yaml',
		advisory('CVE-2025-66478', 'status: rejected\nduplicateOf: CVE-2025-29927'),
	);
	write(
		'advisories-site/guides/a.mdx',
		[
			'---',
			'title: A',
			'---',
			'Cited well: <Advisory id="CVE-2025-29927" />, and [a link](https://example.com/CVE-2025-1234).',
			'Withdrawn: <Advisory id="CVE-2025-66478" />. Unknown: <Advisory id="CVE-2024-0001" short />.',
			'Bare: CVE-2025-29927 in the text.',
		].join('\n'),
	);
	write('advisories-site/stacks/next.yaml', 'caveats:\n  - Patch CVE-2025-29927 promptly.\n');
	const problems = checkAdvisoryCitations(join(root, 'advisories-site')).map(
		(p) => `${p.file}: ${p.message}`,
	);

	it('refuses a withdrawn id and names the one to cite', () => {
		expect(problems).toContain(
			'guides/a.mdx: line 5: CVE-2025-66478 was rejected as a duplicate of CVE-2025-29927; cite that id',
		);
	});

	it('refuses an id that is not in content/advisories', () => {
		expect(problems).toContain(
			'guides/a.mdx: line 5: CVE-2024-0001 is not in content/advisories; add it there with its source first',
		);
	});

	it('refuses a CVE id written as bare text, in a guide or a stack profile, but not inside a link', () => {
		expect(problems.filter((p) => p.includes('bare text'))).toEqual([
			'guides/a.mdx: line 6: CVE-2025-29927 is bare text; cite it as <Advisory id="CVE-2025-29927" /> so a withdrawn or wrong id fails the build',
		]);
		expect(problems.filter((p) => p.startsWith('stacks/'))).toHaveLength(1);
		expect(problems).toHaveLength(4);
	});
});

describe('checkGuideDependencies', () => {
	write('deps-site/advisories/cve-2025-29927.yaml', 'id: CVE-2025-29927\n');
	write(
		'deps-site/guides/costs.mdx',
		[
			'---',
			'title: Costs',
			'priceSheets: [cloudflare-workers, no-such-sheet]',
			'advisories: [CVE-2024-0001]',
			'---',
			'Workers costs <UnitPrice product="cloudflare-workers" fee /> and egress <UnitPrice product="aws-s3" meter="egress" />.',
			'<Cost calculator="ai-spend" figure="monthly" values={{ requestsPerDay: 1000, model: "claude-sonnet-5-5" }} />',
			'Patch <Advisory id="CVE-2025-29927" />.',
		].join('\n'),
	);
	const problems = checkGuideDependencies(join(root, 'deps-site'), loadPriceCatalog()).map((p) => p.message);

	it('names ids in the frontmatter that do not exist', () => {
		expect(problems).toContain('priceSheets: "no-such-sheet" is not a file in content/pricing');
		expect(problems).toContain('advisories: "CVE-2024-0001" is not an advisory in content/advisories');
	});

	it('asks for every sheet a price component reads and every advisory cited', () => {
		expect(problems).toContain(
			'priceSheets: add aws-s3, which <UnitPrice product="aws-s3"> reads, so its review notice follows the prices',
		);
		expect(problems).toContain(
			'priceSheets: add llm-anthropic, which <Cost calculator="ai-spend" figure="monthly"> reads, so its review notice follows the prices',
		);
		expect(problems).toContain(
			'advisories: add CVE-2025-29927, which the guide cites, so its review notice follows the advisory',
		);
		expect(problems.some((problem) => problem.includes('add cloudflare-workers'))).toBe(false);
	});
});

describe('checkGuideLinks', () => {
	const guide = (slug: string, body: string, extra = '') =>
		write(`links-site/guides/${slug}.mdx`, `---\ntitle: ${slug}\n${extra}---\n${body}\n`);
	const prose = (count: number) => Array.from({ length: count }, () => 'word').join(' ');
	guide('hub', `${prose(1200)} [calc](/tools/downtime?sla=0.999)`);
	guide('a', `${prose(1200)} [hub](/guides/hub) <Cost calculator="hosting" figure="edge" />`);
	guide('b', `${prose(1200)} [hub](/guides/hub#why) [a](/guides/a)`);
	guide('c', `${prose(50)} [hub](/guides/hub) [b](/guides/b) [self](/guides/c)`);
	guide('draft', `[hub](/guides/hub) [c](/guides/c)`, 'draft: true\n');
	const problems = checkGuideLinks(join(root, 'links-site')).map((p) => `${p.file}: ${p.message}`);

	it('names orphans and guides linked from fewer than three others, ignoring self-links and drafts', () => {
		expect(problems).toContain(
			'guides/c.mdx: an orphan: no other guide links to it; link it from at least 3',
		);
		expect(problems).toContain('guides/a.mdx: only 1 other guide links to it (b); link it from at least 3');
		expect(problems.some((problem) => problem.startsWith('guides/hub.mdx: only'))).toBe(false);
		expect(problems.some((problem) => problem.startsWith('guides/draft.mdx'))).toBe(false);
	});

	it('asks for a tool scenario link or a computed figure in the body', () => {
		expect(problems.some((problem) => /^guides\/b\.mdx: links no tool scenario/.test(problem))).toBe(true);
		expect(problems.some((problem) => /^guides\/(hub|a)\.mdx: links no tool/.test(problem))).toBe(false);
	});

	it('asks for at least 1,100 words of prose', () => {
		expect(problems).toContain('guides/c.mdx: 53 words of prose; a published guide has at least 1100');
	});
});
