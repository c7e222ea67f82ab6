import AiSpendEmbed from '~/components/embeds/AiSpendEmbed.astro';
import DowntimeEmbed from '~/components/embeds/DowntimeEmbed.astro';
import HostingEmbed from '~/components/embeds/HostingEmbed.astro';
import type { ToolId } from '~/lib/content/tools';

/**
 * The Astro components that render each embeddable tool inside a guide (each hydrates its
 * island when scrolled into view). The stack advisor is a page, not an embed: link it instead.
 */
export const TOOL_EMBEDS: Partial<Record<ToolId, typeof HostingEmbed>> = {
	'hosting-cost': HostingEmbed,
	'ai-spend': AiSpendEmbed,
	'downtime-cost': DowntimeEmbed,
};
