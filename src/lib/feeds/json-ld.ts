/** schema.org Article for a guide page. */
export function articleJsonLd(article: {
	title: string;
	description: string;
	url: string;
	publishDate: Date;
	updatedDate?: Date | undefined;
	authors: readonly { name: string; url: string }[];
	publisher: { name: string; url: string };
}) {
	return {
		'@context': 'https://schema.org',
		'@type': 'TechArticle',
		headline: article.title,
		description: article.description,
		url: article.url,
		mainEntityOfPage: article.url,
		datePublished: article.publishDate.toISOString(),
		dateModified: (article.updatedDate ?? article.publishDate).toISOString(),
		author: article.authors.map((author) => ({ '@type': 'Person', name: author.name, url: author.url })),
		publisher: { '@type': 'Organization', name: article.publisher.name, url: article.publisher.url },
	};
}

/** schema.org BreadcrumbList from the home page down to the current page. */
export function breadcrumbJsonLd(crumbs: readonly { name: string; url: string }[]) {
	return {
		'@context': 'https://schema.org',
		'@type': 'BreadcrumbList',
		itemListElement: crumbs.map((crumb, index) => ({
			'@type': 'ListItem',
			position: index + 1,
			name: crumb.name,
			item: crumb.url,
		})),
	};
}

/**
 * JSON for a `<script type="application/ld+json">`, with `<` escaped so a title can never
 * close the script element.
 */
export function serializeJsonLd(data: unknown): string {
	return JSON.stringify(data).replace(/</g, '\\u003c');
}
