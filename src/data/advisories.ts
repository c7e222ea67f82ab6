// Loads the security advisories (content/advisories) for guides and the stack advisor.
import { getCollection } from 'astro:content';
import type { Advisory } from '~/lib/content/advisory-schema';

/** Every advisory, as its schema describes it. */
export async function getAdvisories(): Promise<Advisory[]> {
	return (await getCollection('advisories')).map((entry) => entry.data);
}
