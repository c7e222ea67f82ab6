// Loads guides for pages: published ones only in production builds, everything in dev.
// The rules themselves are pure functions in src/lib/content.
import { getCollection, getEntries, getEntry, type CollectionEntry } from 'astro:content';
import { getAdvisories } from '~/data/advisories';
import { getPriceCatalog } from '~/data/pricing';
import { allSheets, isoDay } from '~/lib/pricing/catalog';
import { byNewest, isPublished } from '~/lib/content/publishing';
import type { ReviewDependency } from '~/lib/content/review';

export type Guide = CollectionEntry<'guides'>;
export type Author = CollectionEntry<'authors'>;

let firstCall: Date | undefined;

/**
 * When this build (or dev request) happens; scheduled guides later than this stay hidden.
 * Read lazily: in workerd, a Date made at module load is the epoch, not the real time.
 */
export function buildTime(): Date {
	firstCall ??= new Date();
	return firstCall;
}

/** Guides a reader may see, newest first. Drafts and scheduled guides appear only in dev. */
export async function getVisibleGuides(): Promise<Guide[]> {
	const preview = import.meta.env.DEV;
	const guides = await getCollection('guides', ({ data }) =>
		isPublished(data, { now: buildTime(), preview }),
	);
	return guides.sort((a, b) => byNewest(a.data, b.data));
}

/** A guide's author profiles, in the order the guide lists them. */
export function getGuideAuthors(guide: Guide): Promise<Author[]> {
	return getEntries(guide.data.authors);
}

/** The series a guide belongs to, if any. */
export async function getGuideSeries(guide: Guide) {
	return guide.data.series ? getEntry(guide.data.series) : undefined;
}

/** The plain facts about a guide that lists, feeds and the lib rules work with. */
export interface GuideSummary {
	id: string;
	title: string;
	description: string;
	url: string;
	tags: Guide['data']['tags'];
	series: string | undefined;
	order: number | undefined;
	publishDate: Date;
	updatedDate: Date | undefined;
	reviewedAt: Date;
	draft: boolean;
}

/** A guide reduced to plain data (references become ids). */
export function toSummary(guide: Guide): GuideSummary {
	const { data } = guide;
	return {
		id: guide.id,
		title: data.title,
		description: data.description,
		url: `/guides/${guide.id}`,
		tags: data.tags,
		series: data.series?.id,
		order: data.order,
		publishDate: data.publishDate,
		updatedDate: data.updatedDate,
		reviewedAt: data.reviewedAt,
		draft: data.draft,
	};
}

/**
 * The price sheets and advisories a guide lists (`priceSheets`, `advisories`), each with the day
 * it last changed, for the review notice.
 * @throws Error naming an id that does not exist, so a typo stops the build.
 */
export async function getReviewDependencies(guide: Guide): Promise<ReviewDependency[]> {
	const catalog = await getPriceCatalog(isoDay(buildTime()));
	const sheets = allSheets(catalog);
	const advisories = await getAdvisories();
	const where = `Guide ${guide.id}`;
	return [
		...guide.data.priceSheets.map((id) => {
			const sheet = sheets.find((candidate) => candidate.id === id);
			if (!sheet)
				throw new Error(`${where}: priceSheets names "${id}", which is not a file in content/pricing`);
			return { kind: 'prices' as const, name: sheet.name, changedOn: new Date(sheet.asOf) };
		}),
		...guide.data.advisories.map((id) => {
			const advisory = advisories.find((candidate) => candidate.id === id);
			if (!advisory)
				throw new Error(`${where}: advisories names "${id}", which is not in content/advisories`);
			return { kind: 'advisory' as const, name: advisory.id, changedOn: advisory.updated };
		}),
	];
}
