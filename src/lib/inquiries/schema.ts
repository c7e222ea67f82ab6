// zod/mini: the same validation as classic zod at a fraction of the bytes, because this schema
// also ships to the browser in the contact form island.
import { z } from 'zod/mini';
import { ESTIMATE_LIMITS, ITEM_PARAM } from '../estimate/items.ts';

/** A choice on the inquiry form: the stored value and what visitors read. */
export interface Choice {
	value: string;
	label: string;
}

export const PROJECT_TYPES = [
	{ value: 'new-build', label: 'A new product or site' },
	{ value: 'scaling', label: 'Scaling an existing system' },
	{ value: 'integrations', label: 'Integrations and background work' },
	{ value: 'costs', label: 'Cutting infrastructure costs' },
	{ value: 'review', label: 'An architecture or security review' },
	{ value: 'other', label: 'Something else' },
] as const satisfies readonly Choice[];

export const BUDGETS = [
	{ value: 'under-10k', label: 'Under $10,000' },
	{ value: '10k-50k', label: '$10,000 to $50,000' },
	{ value: '50k-150k', label: '$50,000 to $150,000' },
	{ value: 'over-150k', label: 'Over $150,000' },
	{ value: 'not-sure', label: 'Not sure yet' },
] as const satisfies readonly Choice[];

export const TIMELINES = [
	{ value: 'asap', label: 'As soon as possible' },
	{ value: '1-3-months', label: 'In 1 to 3 months' },
	{ value: '3-6-months', label: 'In 3 to 6 months' },
	{ value: 'exploring', label: 'Just exploring' },
] as const satisfies readonly Choice[];

const values = <T extends readonly Choice[]>(choices: T) =>
	choices.map((choice) => choice.value) as [T[number]['value'], ...T[number]['value'][]];
const oneOf = <T extends readonly Choice[]>(choices: T, what: string) =>
	z.enum(values(choices), { error: `Choose ${what} from the list.` });

/**
 * A project inquiry as the form sends it. The same schema checks the form in the browser and
 * the request on the server, so both say the same thing about the same field.
 */
export const InquiryInputSchema = z.strictObject({
	name: z
		.string({ error: 'Enter your name.' })
		.check(
			z.trim(),
			z.minLength(1, 'Enter your name.'),
			z.maxLength(120, 'Keep your name under 120 characters.'),
		),
	email: z.pipe(
		z
			.string({ error: 'Enter your email address.' })
			.check(z.trim(), z.maxLength(254, 'That email address is too long.')),
		z.email({ error: 'Enter an email address like name@example.com.' }),
	),
	company: z.optional(
		z.string().check(z.trim(), z.maxLength(160, 'Keep the company name under 160 characters.')),
	),
	projectType: oneOf(PROJECT_TYPES, 'what kind of project it is'),
	budget: oneOf(BUDGETS, 'a budget range'),
	timeline: oneOf(TIMELINES, 'a timeline'),
	message: z
		.string({ error: 'Tell us about the project.' })
		.check(
			z.trim(),
			z.minLength(20, 'Tell us a little more: at least 20 characters.'),
			z.maxLength(5000, 'Keep the message under 5,000 characters; you can send details later.'),
		),
	consent: z.literal(true, { error: 'Tick the box so we may use these details to reply.' }),
	/** A stack estimate from /tools/estimate, as its query string; the server also prices every item. */
	estimate: z.optional(
		z
			.string({ error: 'The estimate must be the query string of an estimate link.' })
			.check(
				z.maxLength(
					ESTIMATE_LIMITS.totalChars,
					`The estimate is longer than ${ESTIMATE_LIMITS.totalChars.toLocaleString('en-US')} characters; remove some items.`,
				),
				z.startsWith(`${ITEM_PARAM}=`, 'The estimate must be the query string of an estimate link (item=…).'),
			),
	),
});

export type InquiryInput = z.infer<typeof InquiryInputSchema>;

/** Every problem with a submission, by field, each with its message (the first per field). */
export function inquiryErrors(input: unknown): Partial<Record<keyof InquiryInput | 'form', string>> {
	const parsed = InquiryInputSchema.safeParse(input);
	if (parsed.success) return {};
	const errors: Partial<Record<string, string>> = {};
	for (const issue of parsed.error.issues) {
		const field = issue.code === 'unrecognized_keys' ? 'form' : String(issue.path[0] ?? 'form');
		errors[field] ??=
			issue.code === 'unrecognized_keys' ? `Unexpected field "${issue.keys[0]}".` : issue.message;
	}
	return errors;
}
