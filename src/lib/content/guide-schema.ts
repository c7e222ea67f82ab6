import { z } from 'zod';
import { ADVISORY_ID } from './advisory-schema.ts';
import { TAG_IDS, TAGS } from './tags.ts';
import { TOOL_IDS } from './tools.ts';

/** Search engines show roughly 70–160 characters of a description; outside that it is cut or padded. */
export const DESCRIPTION_LENGTH = { min: 70, max: 160 } as const;

const tagList = TAG_IDS.join(', ');

/**
 * Guide frontmatter fields that need no knowledge of other collections. `authors` and `series`
 * are checked as references by src/content.config.ts, which adds them to this shape.
 */
export const guideFields = {
	title: z
		.string()
		.min(10, 'Title is too short: say what the guide helps with, e.g. "Choosing a stack by its constraints"')
		.max(
			90,
			'Title is over 90 characters: search results and tabs will cut it; move detail to the description',
		)
		.describe('Page title and h1, e.g. "Async processing that never loses a job"'),
	description: z
		.string()
		.min(
			DESCRIPTION_LENGTH.min,
			`Description is under ${DESCRIPTION_LENGTH.min} characters: write one or two sentences on what the reader will learn`,
		)
		.max(
			DESCRIPTION_LENGTH.max,
			`Description is over ${DESCRIPTION_LENGTH.max} characters: search engines cut it there; shorten it`,
		)
		.describe('One or two sentences for lists and search results, 70–160 characters'),
	publishDate: z.coerce
		.date({ error: 'publishDate must be a date such as 2026-03-01' })
		.describe('First publication date, e.g. 2026-03-01. A future date hides the guide until then'),
	updatedDate: z.coerce
		.date({ error: 'updatedDate must be a date such as 2026-04-15' })
		.optional()
		.describe('Last substantial change, e.g. 2026-04-15; leave out if never updated'),
	reviewedAt: z.coerce
		.date({ error: 'reviewedAt must be a date such as 2026-03-01' })
		.describe(
			'When the advice was last checked against reality, e.g. 2026-03-01. Over a year old shows "review due"',
		),
	draft: z
		.boolean()
		.default(false)
		.describe('true keeps the guide out of production builds; it shows in `npm run dev`'),
	tags: z
		.array(
			z.enum(TAG_IDS, {
				error: (issue) =>
					`Unknown tag "${String(issue.input)}". Use one of: ${tagList} (or add it to src/lib/content/tags.ts)`,
			}),
		)
		.min(1, `Give at least one tag from: ${tagList}`)
		.max(4, 'At most 4 tags: pick the ones a reader would browse by')
		.describe('Topics from the controlled list, e.g. [async, integrations]'),
	order: z
		.number()
		.int()
		.positive()
		.optional()
		.describe('Position within its series, starting at 1, e.g. 2 (required when series is set)'),
	tools: z
		.array(
			z.enum(TOOL_IDS, {
				error: (issue) => `Unknown tool "${String(issue.input)}". Use one of: ${TOOL_IDS.join(', ')}`,
			}),
		)
		.default([])
		.describe('Interactive tools that go with this guide, e.g. [hosting-cost]'),
	priceSheets: z
		.array(
			z.string().regex(/^[a-z0-9-]+$/, 'a price sheet is named by its file name, e.g. cloudflare-workers'),
		)
		.default([])
		.describe(
			'Price sheets the advice relies on (file names in content/pricing), e.g. [cloudflare-workers, aws-lambda]',
		),
	advisories: z
		.array(z.string().regex(ADVISORY_ID, 'an advisory is named by its id, e.g. CVE-2025-55182'))
		.default([])
		.describe('Security advisories the advice relies on (content/advisories), e.g. [CVE-2025-55182]'),
	canonical: z
		.url({ error: 'canonical must be a full URL such as https://example.com/original-post' })
		.optional()
		.describe('Where this guide was first published, if not here, e.g. https://example.com/post'),
};

/** Cross-field rules, shared by the real collection and the unit tests. */
export function checkGuideRules(
	guide: { publishDate: Date; updatedDate?: Date | undefined; series?: unknown; order?: number | undefined },
	ctx: { addIssue(issue: { code: 'custom'; path: string[]; message: string }): void },
): void {
	if (guide.updatedDate && guide.updatedDate < guide.publishDate) {
		ctx.addIssue({
			code: 'custom',
			path: ['updatedDate'],
			message: 'updatedDate is before publishDate: swap them or fix the year',
		});
	}
	if (guide.series !== undefined && guide.order === undefined) {
		ctx.addIssue({
			code: 'custom',
			path: ['order'],
			message: 'This guide is in a series, so it needs an order (1 for the first part)',
		});
	}
	if (guide.series === undefined && guide.order !== undefined) {
		ctx.addIssue({
			code: 'custom',
			path: ['series'],
			message: 'order is set but series is not: name the series, or remove order',
		});
	}
}

/** The guide schema with plain string ids for authors and series (what the unit tests check). */
export const GuideFrontmatterSchema = z
	.strictObject({
		...guideFields,
		authors: z
			.array(z.string().min(1))
			.min(1, 'Name at least one author id, e.g. [maya-okafor]')
			.describe('Author ids from content/authors'),
		series: z.string().optional().describe('Series id from content/series, e.g. running-production'),
	})
	.superRefine(checkGuideRules);

export type GuideFrontmatter = z.infer<typeof GuideFrontmatterSchema>;

/** Author profiles (content/authors/<id>.yaml). */
export const AuthorSchema = z.strictObject({
	name: z.string().min(2).describe('Full name, e.g. "Maya Okafor"'),
	role: z.string().min(2).describe('One line on what they do, e.g. "Staff engineer, platform"'),
	bio: z
		.string()
		.min(40, 'Write at least a sentence of bio (40+ characters)')
		.describe('A short paragraph in the third person'),
	links: z
		.array(
			z.strictObject({
				label: z.string().describe('e.g. "GitHub"'),
				url: z.url().describe('e.g. https://github.com/someone'),
			}),
		)
		.default([])
		.describe('Profiles elsewhere'),
});

/** Series of guides read in order (content/series/<id>.yaml). */
export const SeriesSchema = z.strictObject({
	title: z.string().min(5).describe('e.g. "Running production"'),
	description: z
		.string()
		.min(40)
		.max(240)
		.describe('What the series as a whole teaches, one or two sentences'),
	position: z
		.number()
		.int()
		.positive()
		.describe('Where the series appears on the guides index, 1 first, e.g. 2'),
});

/** The tags' labels, for messages and pages. */
export { TAGS };
