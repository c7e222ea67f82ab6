import type { Field } from '../calculators/fields.ts';

/** The advisor's questionnaire, read from a GET form or a shared URL like the calculators. */
export const ADVISOR_FIELDS: readonly Field[] = [
	{
		kind: 'choice',
		name: 'skills',
		label: 'What does your team know best?',
		hint: 'The language most of the team could debug in production.',
		options: [
			{ value: 'javascript', label: 'JavaScript or TypeScript' },
			{ value: 'react', label: 'React' },
			{ value: 'php', label: 'PHP' },
			{ value: 'python', label: 'Python' },
			{ value: 'ruby', label: 'Ruby' },
			{ value: 'go', label: 'Go' },
		],
		default: 'javascript',
	},
	{
		kind: 'choice',
		name: 'product',
		label: 'What are you building?',
		hint: 'The bulk of the screens.',
		options: [
			{ value: 'content', label: 'A content site (docs, marketing, publishing)' },
			{ value: 'crud', label: 'A business app of forms and tables' },
			{ value: 'interactive', label: 'A highly interactive app' },
		],
		default: 'content',
	},
	{
		kind: 'choice',
		name: 'priority',
		label: 'What matters more?',
		hint: 'Shipping soon, or keeping options open for years.',
		options: [
			{ value: 'speed', label: 'Time to market' },
			{ value: 'balanced', label: 'Both equally' },
			{ value: 'flexibility', label: 'Long-term flexibility' },
		],
		default: 'balanced',
	},
	{
		kind: 'choice',
		name: 'budget',
		label: 'Infrastructure budget',
		hint: 'What you are comfortable paying each month at launch.',
		options: [
			{ value: 'minimal', label: 'As little as possible (under $25)' },
			{ value: 'moderate', label: 'Moderate ($25 to $500)' },
			{ value: 'ample', label: 'Not the main constraint' },
		],
		default: 'moderate',
	},
	{
		kind: 'choice',
		name: 'traffic',
		label: 'Realistic traffic',
		hint: 'At peak, in the first year.',
		options: [
			{ value: 'small', label: 'Modest, mostly one region' },
			{ value: 'global-read', label: 'Global and read-heavy' },
			{ value: 'heavy-work', label: 'Heavy or long-running server work' },
		],
		default: 'small',
	},
	{
		kind: 'choice',
		name: 'lockIn',
		label: 'Vendor lock-in',
		hint: 'How much you mind being tied to one host.',
		options: [
			{ value: 'avoid', label: 'Avoid it' },
			{ value: 'accept', label: 'Acceptable for the right trade' },
		],
		default: 'accept',
	},
	{
		kind: 'choice',
		name: 'cloud',
		label: 'Existing cloud',
		hint: 'Where you already run things, if anywhere.',
		options: [
			{ value: 'none', label: 'None yet' },
			{ value: 'aws', label: 'AWS' },
			{ value: 'cloudflare', label: 'Cloudflare' },
			{ value: 'vercel', label: 'Vercel' },
		],
		default: 'none',
	},
	{
		kind: 'choice',
		name: 'typeSafety',
		label: 'Type safety',
		hint: 'How much you want types checked from database to browser.',
		options: [
			{ value: 'high', label: 'A priority' },
			{ value: 'normal', label: 'Nice to have' },
		],
		default: 'normal',
	},
];

export interface AdvisorAnswers {
	[name: string]: string | number | boolean;
	skills: string;
	product: string;
	priority: string;
	budget: string;
	traffic: string;
	lockIn: string;
	cloud: string;
	typeSafety: string;
}
