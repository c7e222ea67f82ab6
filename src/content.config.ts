// Editors' collections: guides (MDX), authors and series (YAML), all in the top-level content/
// folder. Field rules and their messages live in src/lib/content/guide-schema.ts.
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { AuthorSchema, checkGuideRules, guideFields, SeriesSchema } from './lib/content/guide-schema';
import { PriceSheetSchema } from './lib/pricing/price-sheet-schema';
import { StackProfileSchema } from './lib/advisor/stack-schema';
import { AdvisorySchema } from './lib/content/advisory-schema';

const root = './content';

const guides = defineCollection({
	// Files starting with "_" are ignored: handy for notes and half-started pieces.
	loader: glob({ base: `${root}/guides`, pattern: '**/[^_]*.mdx' }),
	schema: z
		.strictObject({
			...guideFields,
			authors: z
				.array(reference('authors'))
				.min(1, 'Name at least one author id from content/authors, e.g. [maya-okafor]')
				.describe('Author ids from content/authors, e.g. [maya-okafor]'),
			series: reference('series')
				.optional()
				.describe('Series id from content/series, e.g. running-production'),
		})
		.superRefine(checkGuideRules),
});

const authors = defineCollection({
	loader: glob({ base: `${root}/authors`, pattern: '**/[^_]*.yaml' }),
	schema: AuthorSchema,
});

const series = defineCollection({
	loader: glob({ base: `${root}/series`, pattern: '**/[^_]*.yaml' }),
	schema: SeriesSchema,
});

// Provider price sheets, one file per product (content/pricing/<product>.yaml); the file name is the product id.
const pricing = defineCollection({
	loader: glob({ base: `${root}/pricing`, pattern: '**/[^_]*.yaml' }),
	schema: PriceSheetSchema,
});

// Stack profiles for the stack advisor (content/stacks/<id>.yaml).
const stacks = defineCollection({
	loader: glob({ base: `${root}/stacks`, pattern: '**/[^_]*.yaml' }),
	schema: StackProfileSchema,
});

// Security advisories guides and the stack advisor cite by id (content/advisories/<id>.yaml).
const advisories = defineCollection({
	loader: glob({ base: `${root}/advisories`, pattern: '**/[^_]*.yaml' }),
	schema: AdvisorySchema,
});

export const collections = { guides, authors, series, pricing, stacks, advisories };
