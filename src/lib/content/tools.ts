/**
 * The interactive tools a guide can point to (`tools:` in frontmatter) or embed (`<Tool id>`).
 * `path` is set once the tool's page exists; until then guides may name the tool, and pages
 * simply do not link to it, so no link ever leads nowhere.
 */
export const TOOLS = {
	'hosting-cost': { title: 'Edge vs serverless hosting cost calculator', path: '/tools/hosting' },
	'ai-spend': { title: 'AI API spend calculator, with caching', path: '/tools/ai-spend' },
	'downtime-cost': { title: 'Downtime cost calculator', path: '/tools/downtime' },
	'stack-advisor': { title: 'Stack advisor', path: '/tools/stack-advisor' },
} as const satisfies Record<string, { title: string; path: string | undefined }>;

export type ToolId = keyof typeof TOOLS;

export const TOOL_IDS = Object.keys(TOOLS) as [ToolId, ...ToolId[]];

/** Tools that can be linked to today. */
export function linkableTools(ids: readonly ToolId[]): { id: ToolId; title: string; path: string }[] {
	return ids.flatMap((id) => {
		const tool: { title: string; path: string | undefined } = TOOLS[id];
		return tool.path === undefined ? [] : [{ id, title: tool.title, path: tool.path }];
	});
}
