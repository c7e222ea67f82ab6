import { z } from 'zod';

/** A CVE id, or a GitHub advisory id for an advisory that has no CVE. */
export const ADVISORY_ID = /^(CVE-\d{4}-\d{4,}|GHSA(-[23456789cfghjmpqrvwx]{4}){3})$/;

const date = (example: string) =>
	z.coerce.date({ error: `must be a date, e.g. ${example}` }).describe(`A date, e.g. ${example}`);

/**
 * A security advisory (content/advisories/<id>.yaml). Guides and the stack advisor cite these by
 * id, so a wrong or withdrawn id fails the build instead of reaching readers.
 */
export const AdvisorySchema = z
	.strictObject({
		id: z.string().regex(ADVISORY_ID, 'id must be a CVE id (CVE-2025-55182) or a GHSA id'),
		title: z.string().min(3).describe('What it is, in a few words, e.g. "RSC remote code execution"'),
		product: z.string().min(2).describe('e.g. "Next.js"'),
		ecosystem: z.enum(['npm', 'composer', 'maven', 'pypi', 'rubygems', 'go']),
		packages: z.array(z.string().min(1)).min(1).describe('Package names as the ecosystem spells them'),
		stacks: z
			.array(z.string())
			.default([])
			.describe('Stack profile ids (content/stacks) whose users it concerns, e.g. [nextjs]'),
		affected: z.string().min(1).describe('Affected versions as the advisory states them'),
		fixed: z.array(z.string()).describe('First fixed version on each supported line'),
		cvss: z.number().min(0).max(10).describe('Base score, e.g. 9.1'),
		cvssVersion: z.enum(['3.1', '4.0']),
		severity: z.enum(['low', 'medium', 'high', 'critical']),
		status: z.enum(['published', 'rejected']).describe('rejected: withdrawn, usually as a duplicate'),
		duplicateOf: z.string().regex(ADVISORY_ID).optional().describe('The id to cite instead'),
		exploited: z.boolean().describe("true when it is in CISA's Known Exploited Vulnerabilities catalog"),
		kevAdded: date('2025-12-05').optional().describe('When CISA added it to the catalog'),
		published: date('2025-12-03'),
		updated: date('2026-08-04'),
		summary: z.string().min(20).describe('What an attacker can do, in one sentence of our own'),
		source: z.url().describe('The CVE record (or the GitHub advisory when there is no CVE)'),
		advisory: z.url().optional().describe("The vendor's or GitHub's advisory"),
		secondary: z.string().optional().describe('Values only a secondary source gives, and which'),
	})
	.superRefine((advisory, ctx) => {
		if (advisory.status === 'rejected' && !advisory.duplicateOf)
			ctx.addIssue({
				code: 'custom',
				path: ['duplicateOf'],
				message: 'a rejected id names the one to cite instead',
			});
		if (advisory.exploited && !advisory.kevAdded)
			ctx.addIssue({
				code: 'custom',
				path: ['kevAdded'],
				message: 'an exploited advisory gives the day CISA listed it',
			});
	});

export type Advisory = z.infer<typeof AdvisorySchema>;

/** Why an advisory cannot be cited, or undefined when it can. */
export function citationProblem(id: string, advisories: readonly Advisory[]): string | undefined {
	const found = advisories.find((advisory) => advisory.id === id);
	if (!found) return `${id} is not in content/advisories; add it there with its source first`;
	if (found.status === 'rejected')
		return `${id} was rejected${found.duplicateOf ? ` as a duplicate of ${found.duplicateOf}; cite that id` : ''}`;
	return undefined;
}

/** The latest published advisories concerning a stack, newest first. */
export const advisoriesForStack = (advisories: readonly Advisory[], stack: string, limit = 3): Advisory[] =>
	advisories
		.filter((advisory) => advisory.status === 'published' && advisory.stacks.includes(stack))
		.sort((a, b) => b.published.getTime() - a.published.getTime())
		.slice(0, limit);
