import { describe, expect, it } from 'vitest';
import { advisoriesForStack } from '~/lib/content/advisory-schema';
import { defaultsOf } from '~/lib/calculators/fields';
import { ADVISOR_FIELDS, type AdvisorAnswers } from '~/lib/advisor/questions';
import { recommendStacks } from '~/lib/advisor/scoring';
import { loadAdvisories, loadStackProfiles } from '../../../../scripts/lib/content-data';

const stacks = loadStackProfiles();
const answers = (overrides: Partial<AdvisorAnswers>): AdvisorAnswers =>
	({ ...defaultsOf<AdvisorAnswers>(ADVISOR_FIELDS), ...overrides }) as AdvisorAnswers;

describe('stack profiles in content/stacks', () => {
	it('cover the stacks the guides discuss', () => {
		expect(stacks.map((stack) => stack.id).sort()).toEqual([
			'astro',
			'cloudflare-workers',
			'htmx',
			'laravel-livewire',
			'nextjs',
			'nextjs-amplify',
			'tanstack-start',
		]);
	});
});

describe('recommendStacks', () => {
	it('puts Laravel + Livewire first for a PHP team building a CRUD app', () => {
		const top = recommendStacks(stacks, answers({ skills: 'php', product: 'crud', priority: 'speed' }));
		expect(top[0]?.name).toBe('Laravel + Livewire');
		expect(top[0]?.reasons[0]).toBe('Your team knows PHP, which it builds on.');
	});

	it('puts an edge option first for a global, read-heavy site', () => {
		const top = recommendStacks(
			stacks,
			answers({ product: 'content', traffic: 'global-read', budget: 'minimal' }),
		);
		const edgeIds = stacks.filter((stack) => stack.edge).map((stack) => stack.id);
		expect(edgeIds).toContain(top[0]?.id);
		expect(top[0]?.reasons).toContain('It serves global, read-heavy traffic from close to readers.');
	});

	it('prefers React frameworks for a React team building an interactive app with strong types', () => {
		const top = recommendStacks(
			stacks,
			answers({ skills: 'react', product: 'interactive', typeSafety: 'high', priority: 'flexibility' }),
		);
		expect(['TanStack Start', 'Next.js']).toContain(top[0]?.name);
	});

	it('returns three, each with reasons, concerns, trade-offs and caveats a reader can check', () => {
		const top = recommendStacks(stacks, answers({ skills: 'python', product: 'crud' }));
		expect(top).toHaveLength(3);
		expect(top[0]?.name).toBe('HTMX with server rendering');
		for (const recommendation of top) {
			expect(recommendation.reasons.length + recommendation.concerns.length).toBeGreaterThan(0);
			expect(recommendation.tradeoffs.length).toBeGreaterThan(0);
			expect(recommendation.score).toBeGreaterThan(0);
			expect(recommendation.score).toBeLessThanOrEqual(100);
		}
	});

	it('names the learning cost when a stack is outside the team’s skills', () => {
		const laravel = recommendStacks(stacks, answers({ skills: 'go' }), 7).find(
			(r) => r.id === 'laravel-livewire',
		);
		expect(laravel?.concerns[0]).toMatch(/learning a new language/);
	});

	it('warns Next.js users about its patch cadence, with its latest advisories', () => {
		const next = recommendStacks(stacks, answers({ skills: 'react' }), 7).find((r) => r.id === 'nextjs');
		expect(next?.caveats.join(' ')).toMatch(/Patch promptly/);
		// The advisories themselves come from content/advisories, newest first.
		const latest = advisoriesForStack(loadAdvisories(), 'nextjs').map((advisory) => advisory.id);
		expect(latest[0]).toMatch(/^CVE-2026-/);
		expect(latest).not.toContain('CVE-2025-66478');
	});
});
