import { CALCULATORS } from '../calculators/registry.ts';

/** The stack advisor: a page of questions, not a calculator, so it has no registry entry. */
const STACK_ADVISOR = {
	title: 'Stack advisor',
	path: '/tools/stack-advisor',
	description:
		'Answer eight questions about your team and product; get three stacks ranked, with the reasons and the caveats.',
};

/**
 * The interactive tools a guide can point to (`tools:` in frontmatter) or embed (`<Tool id>`):
 * every registered calculator under its slug, and the stack advisor.
 */
export const TOOLS = {
	...(Object.fromEntries(
		Object.values(CALCULATORS).map((calculator) => [
			calculator.slug,
			{ title: calculator.title, path: calculator.path, description: calculator.description },
		]),
	) as Record<keyof typeof CALCULATORS, { title: string; path: string; description: string }>),
	'stack-advisor': STACK_ADVISOR,
};

export type ToolId = keyof typeof TOOLS;

export const TOOL_IDS = Object.keys(TOOLS) as [ToolId, ...ToolId[]];

/** The tools with these ids, for links. */
export function linkableTools(ids: readonly ToolId[]): { id: ToolId; title: string; path: string }[] {
	return ids.map((id) => ({ id, title: TOOLS[id].title, path: TOOLS[id].path }));
}
