import { z } from 'zod';
import { WatchSchema } from '../price-watch/watch-schema.ts';

/** Where a price sheet's values come from and how long they may go unchecked; every sheet has these. */
export const provenance = {
	provider: z.string().min(2).describe('Who sells it, e.g. "Cloudflare"'),
	name: z
		.string()
		.min(2)
		.describe('Product and plan as the provider names them, e.g. "Workers Paid (Standard)"'),
	region: z.string().optional().describe('Where the prices apply, e.g. "US East (N. Virginia)"'),
	asOf: z.coerce
		.date({ error: 'asOf must be the date the prices were checked, e.g. 2026-11-15' })
		.describe('When the prices were last checked against the source'),
	source: z
		.url({ error: 'source must be the full URL of the provider pricing page' })
		.describe('The provider page the prices come from'),
	reviewEveryDays: z
		.int({ error: 'reviewEveryDays must be a whole number of days, e.g. 90 for LLM prices, 180 for cloud' })
		.positive()
		.max(366, 'reviewEveryDays is at most a year: prices move faster than that')
		.describe('How long the prices may go unchecked before the sheet counts as stale, e.g. 90'),
	notes: z.string().optional().describe('Anything a reader should know, e.g. which free tier applies'),
	watch: WatchSchema.describe('Where the price watch checks these prices (src/lib/price-watch)'),
};
