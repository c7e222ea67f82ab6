import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { buildCatalog, type PriceCatalog } from '../../src/lib/pricing/catalog.ts';
import { PriceSheetSchema } from '../../src/lib/pricing/price-sheet-schema.ts';
import { StackProfileSchema } from '../../src/lib/advisor/stack-schema.ts';
import { AdvisorySchema } from '../../src/lib/content/advisory-schema.ts';
import { ROOT } from './build.ts';

/**
 * Every price sheet in content/pricing, parsed with the same schema the site uses, quoted for
 * `today` (a fixed day by default, so tests do not change meaning as the calendar moves).
 */
export function loadPriceCatalog(today = '2026-11-30'): PriceCatalog {
	const dir = join(ROOT, 'content/pricing');
	const entries = readdirSync(dir)
		.filter((file) => file.endsWith('.yaml') && !file.startsWith('_'))
		.map((name) => ({
			id: name.replace(/\.yaml$/, ''),
			data: PriceSheetSchema.parse(parseYaml(readFileSync(join(dir, name), 'utf8'))),
		}));
	return buildCatalog(entries, today);
}

/** Every stack profile in content/stacks, parsed with the site's schema. */
export function loadStackProfiles() {
	const dir = join(ROOT, 'content/stacks');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.yaml'))
		.map((name) => ({
			...StackProfileSchema.parse(parseYaml(readFileSync(join(dir, name), 'utf8'))),
			id: name.replace(/\.yaml$/, ''),
		}));
}

/** Every security advisory in content/advisories, parsed with the site's schema. */
export function loadAdvisories() {
	const dir = join(ROOT, 'content/advisories');
	return readdirSync(dir)
		.filter((file) => file.endsWith('.yaml'))
		.map((name) => AdvisorySchema.parse(parseYaml(readFileSync(join(dir, name), 'utf8'))));
}
