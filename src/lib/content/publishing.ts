/** The fields that decide whether a guide is public. */
export interface PublishState {
	draft: boolean;
	publishDate: Date;
}

/**
 * Whether a guide belongs on the site built at `now`. Drafts and guides scheduled for later
 * appear only in development (`preview: true`), so editors can see them before they go out.
 * @example isPublished({ draft: false, publishDate: new Date('2026-01-01') }, { now: new Date('2026-02-01'), preview: false }) // => true
 */
export function isPublished(guide: PublishState, options: { now: Date; preview: boolean }): boolean {
	if (options.preview) return true;
	return !guide.draft && guide.publishDate <= options.now;
}

/** Why an unpublished guide is visible in preview, for a banner; null when it is public. */
export function previewLabel(guide: PublishState, now: Date): 'Draft' | 'Scheduled' | null {
	if (guide.draft) return 'Draft';
	return guide.publishDate > now ? 'Scheduled' : null;
}

/** Newest first by publish date, then by title, so lists are stable between builds. */
export function byNewest<T extends { publishDate: Date; title: string }>(a: T, b: T): number {
	return b.publishDate.getTime() - a.publishDate.getTime() || a.title.localeCompare(b.title);
}
