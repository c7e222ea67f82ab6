// npm run new:guide -- "Title of the guide"
// Writes content/guides/<slug>.mdx as a draft with every frontmatter field filled in or
// explained, so an editor can start writing at once. Refuses to overwrite an existing guide.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/build.ts';
import { slugify } from '../src/lib/content/slug.ts';
import { TAG_IDS } from '../src/lib/content/tags.ts';
import { TOOL_IDS } from '../src/lib/content/tools.ts';

const title = process.argv.slice(2).join(' ').trim();
if (title.length < 10) {
	console.error('Give the guide a title of at least 10 characters: npm run new:guide -- "Choosing a queue"');
	process.exit(1);
}
const slug = slugify(title);
const file = join(ROOT, 'content/guides', `${slug}.mdx`);
if (existsSync(file)) {
	console.error(`content/guides/${slug}.mdx already exists; pick another title or edit that file.`);
	process.exit(1);
}
const today = new Date().toISOString().slice(0, 10);
const authors = readdirSync(join(ROOT, 'content/authors'))
	.filter((name) => name.endsWith('.yaml'))
	.map((name) => name.replace(/\.yaml$/, ''));
const series = readdirSync(join(ROOT, 'content/series'))
	.filter((name) => name.endsWith('.yaml'))
	.map((name) => name.replace(/\.yaml$/, ''));

writeFileSync(
	file,
	`---
# Every field is explained in docs/editing.md. Check your work with: npm run check:content
title: ${JSON.stringify(title)}
# 70 to 160 characters: what the reader will be able to do after reading.
description: "TODO: replace with one or two sentences of 70 to 160 characters about what this guide teaches."
publishDate: ${today} # a future date schedules the guide
# updatedDate: ${today} # add when you change the advice substantially
reviewedAt: ${today} # when the advice was last checked against reality
draft: true # visible in npm run dev only; set to false to publish
tags: [${TAG_IDS[0]}] # one to four of: ${TAG_IDS.join(', ')}
authors: [${authors[0] ?? 'your-id'}] # ids from content/authors: ${authors.join(', ')}
# series: ${series[0] ?? 'series-id'} # ids from content/series: ${series.join(', ')}
# order: 1 # position in the series, required with series
tools: [] # interactive tools to link: ${TOOL_IDS.join(', ')}
# canonical: https://example.com/original # only if first published elsewhere
---

Start with the problem the reader has, in two or three sentences.

## The first section

Write in short paragraphs. Link other guides with their path, e.g. [async processing](/guides/async-processing).

<Callout type="tip">
Components such as Callout, Steps, Comparison, Figure, KeyNumbers and KeyNumber need no import.
</Callout>
`,
);
console.log(`Created content/guides/${slug}.mdx (a draft). Preview it with npm run dev at /guides/${slug}`);
