import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { TAG_IDS, type TagId } from '../../src/lib/content/tags.ts';

const PARAGRAPH =
	'A queue decouples the request a visitor waits for from the work that can happen later, ' +
	'so a slow partner API no longer decides how fast the page answers. The price is a second ' +
	'path to monitor: messages that retry, consumers that fall behind and a dead-letter queue ' +
	'that somebody has to read. Measure the age of the oldest message, not just the depth, ' +
	'because a short queue that never drains hurts more than a long one that moves.';
const SECTIONS = ['Why it matters', 'How it fails', 'What to measure', 'A safe default', 'When to revisit'];

/**
 * A generated guide that passes the content schema: outside any series, by the one author,
 * about 1,300 words under five headings with a list and a code block. Publish dates go one day
 * apart from 2020-01-01 by `index`, so a higher index is newer. Tags default to two or three
 * spread over the controlled list.
 */
export function syntheticGuide(index: number, tags?: readonly TagId[]): string {
	const spread = [0, 5, 9]
		.slice(0, 2 + (index % 2))
		.map((offset) => TAG_IDS[(index + offset) % TAG_IDS.length]);
	const day = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
	const body = SECTIONS.map(
		(heading, section) =>
			`## ${heading}\n\n${PARAGRAPH}\n\n${PARAGRAPH}\n\n` +
			(section === 2 ? '- queue age\n- retry rate\n- dead letters\n\n' : '') +
			(section === 3 ? '```ts\nconst ageSeconds = (Date.now() - enqueuedAt) / 1000;\n```\n\n' : '') +
			`${PARAGRAPH}\n`,
	).join('\n');
	return `---
title: 'Synthetic guide ${index}: queues under load'
description: 'A generated guide for builds with many guides, about queues, retries and what to measure when consumers fall behind.'
publishDate: ${day}
reviewedAt: ${day}
tags: [${[...new Set(tags ?? spread)].join(', ')}]
authors: [loadbearing-team]
---

${body}`;
}

/** Writes guides 1..count into `guidesDir` as synthetic-guide-00001.mdx and so on. */
export function addSyntheticGuides(guidesDir: string, count: number, tags?: readonly TagId[]): void {
	for (let index = 1; index <= count; index++) {
		const name = `synthetic-guide-${String(index).padStart(5, '0')}.mdx`;
		writeFileSync(join(guidesDir, name), syntheticGuide(index, tags));
	}
}
