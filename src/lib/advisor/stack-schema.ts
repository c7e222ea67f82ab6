import { z } from 'zod';

/** How well a stack fits a situation: 0 (poorly) to 3 (very well). */
const fit = (description: string) =>
	z.number().int().min(0, 'use 0 to 3').max(3, 'use 0 to 3').describe(description);

export const SKILLS = ['javascript', 'react', 'php', 'python', 'ruby', 'go'] as const;
export const CLOUDS = ['aws', 'cloudflare', 'vercel', 'any'] as const;

/** A stack profile (content/stacks/<id>.yaml), the advisor's knowledge about one stack. */
export const StackProfileSchema = z.strictObject({
	name: z.string().min(2).describe('e.g. "Laravel + Livewire"'),
	summary: z.string().min(20).describe('One sentence on what it is'),
	skills: z
		.array(z.enum(SKILLS))
		.min(1)
		.describe(`Team skills it builds on, from: ${SKILLS.join(', ')}`),
	clouds: z
		.array(z.enum(CLOUDS))
		.min(1)
		.describe(`Where it runs best, from: ${CLOUDS.join(', ')}`),
	edge: z.boolean().describe('true when it serves from a global edge network by default'),
	fit: z.strictObject({
		contentSite: fit('Content sites: docs, marketing, publishing'),
		interactiveApp: fit('Interactive applications with lots of client state'),
		crudApp: fit('Forms-and-tables business apps'),
		timeToMarket: fit('Shipping a first version fast'),
		flexibility: fit('Long-term freedom to change direction'),
		lowBudget: fit('Cheap to run at small scale'),
		globalReadHeavy: fit('Global, read-heavy traffic'),
		writeHeavy: fit('Heavy or long-running server work'),
		typeSafety: fit('End-to-end type safety'),
		lowLockIn: fit('Freedom to move hosts'),
	}),
	strengths: z.array(z.string().min(10)).min(1).describe('What it is good at, one sentence each'),
	tradeoffs: z.array(z.string().min(10)).min(1).describe('What you give up'),
	caveats: z
		.array(z.string().min(10))
		.default([])
		.describe('Operational facts to plan for, e.g. execution limits or patch cadence'),
	guides: z.array(z.string()).default([]).describe('Guide ids to read next, e.g. [choosing-a-stack]'),
	hostingPreset: z.string().describe('Hosting calculator preset that fits, e.g. small-api'),
});

export type StackProfile = z.infer<typeof StackProfileSchema>;
