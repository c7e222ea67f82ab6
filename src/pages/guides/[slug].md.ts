import type { APIRoute, GetStaticPaths } from 'astro';
import { getVisibleGuides, type Guide } from '~/data/guides';
import { mdxToMarkdown } from '~/lib/content/markdown-export';
import { formatDate } from '~/lib/format/date';

export const getStaticPaths = (async () => {
	const guides = await getVisibleGuides();
	return guides.map((guide) => ({ params: { slug: guide.id }, props: { guide } }));
}) satisfies GetStaticPaths;

/** The guide as plain Markdown, for readers who prefer text and for LLM tools (see /llms.txt). */
export const GET: APIRoute<{ guide: Guide }> = ({ props, site }) => {
	const { data, body = '' } = props.guide;
	const url = new URL(`/guides/${props.guide.id}`, site).toString();
	const header = [
		`# ${data.title}`,
		'',
		`> ${data.description}`,
		'',
		`Published ${formatDate(data.publishDate)}; last reviewed ${formatDate(data.reviewedAt)}. Web version: ${url}`,
	].join('\n');
	return new Response(`${header}\n\n${mdxToMarkdown(body)}\n`, {
		headers: { 'content-type': 'text/markdown; charset=utf-8' },
	});
};
