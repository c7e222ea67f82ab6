export interface LlmsSection {
	title: string;
	links: readonly { title: string; url: string; description: string }[];
}

/**
 * A /llms.txt file as proposed at llmstxt.org: the site's name, a one-line summary, then
 * sections of Markdown links (here: to the plain-Markdown version of each guide).
 */
export function renderLlmsTxt(site: {
	name: string;
	summary: string;
	details: string;
	sections: readonly LlmsSection[];
}): string {
	const sections = site.sections
		.filter((section) => section.links.length > 0)
		.map(
			(section) =>
				`## ${section.title}\n\n${section.links.map((link) => `- [${link.title}](${link.url}): ${link.description}`).join('\n')}`,
		);
	return [`# ${site.name}`, `> ${site.summary}`, site.details, ...sections].join('\n\n') + '\n';
}
