import type { ToolId } from '~/lib/content/tools';

/**
 * Astro components that render each embeddable tool (each wraps its Preact island with a
 * client: directive). The tools issue adds entries here; until then no tool can be embedded,
 * and <Tool> says so at build time rather than rendering an empty box.
 */
export const TOOL_EMBEDS: Partial<Record<ToolId, (props: Record<string, never>) => unknown>> = {};
