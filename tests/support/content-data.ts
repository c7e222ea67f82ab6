import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
	PriceSheetSchema,
	type LlmPriceSheet,
	type MeteredPriceSheet,
} from '../../src/lib/pricing/price-sheet-schema.ts';
import { StackProfileSchema } from '../../src/lib/advisor/stack-schema.ts';
import { ROOT } from './build.ts';

/** Every price sheet in content/pricing, parsed with the same schema the site uses. */
export function loadPriceSheets() {
	const dir = join(ROOT, 'content/pricing');
	const metered = new Map<string, MeteredPriceSheet & { id: string }>();
	const llm: (LlmPriceSheet & { id: string })[] = [];
	for (const name of readdirSync(dir).filter((file) => file.endsWith('.yaml'))) {
		const id = name.replace(/\.yaml$/, '');
		const sheet = PriceSheetSchema.parse(parseYaml(readFileSync(join(dir, name), 'utf8')));
		if (sheet.kind === 'metered') metered.set(id, { ...sheet, id });
		else llm.push({ ...sheet, id });
	}
	return { metered, llm };
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
