import type { AdvisorAnswers } from './questions.ts';
import type { StackProfile } from './stack-schema.ts';

/** One stack's place in the ranking, with the reasons a reader can check. */
export interface Recommendation {
	id: string;
	name: string;
	score: number;
	/** Why it fits these answers, strongest first. */
	reasons: string[];
	/** Where it fits these answers poorly. */
	concerns: string[];
	tradeoffs: string[];
	caveats: string[];
	guides: string[];
	hostingPreset: string;
}

const SKILL_NAMES: Record<string, string> = {
	javascript: 'JavaScript',
	react: 'React',
	php: 'PHP',
	python: 'Python',
	ruby: 'Ruby',
	go: 'Go',
};

/** A factor: how much it counts for these answers, how well the stack fits (0–3), and how to say so. */
interface Factor {
	weight: number;
	fit: number;
	good: string;
	poor: string;
}

function factorsFor(stack: StackProfile, answers: AdvisorAnswers): Factor[] {
	const f = stack.fit;
	const skill = SKILL_NAMES[answers.skills] ?? answers.skills;
	// React is JavaScript too: a React team can use a JavaScript stack without learning a language.
	const knowsSkill =
		stack.skills.includes(answers.skills as never) ||
		(answers.skills === 'react' && stack.skills.includes('javascript'));
	const factors: Factor[] = [
		{
			weight: 3,
			fit: knowsSkill ? 3 : 0,
			good: `Your team knows ${skill}, which it builds on.`,
			poor: `Your team would be learning a new language or framework (it builds on ${stack.skills.map((s) => SKILL_NAMES[s]).join(' or ')}).`,
		},
		answers.product === 'content'
			? {
					weight: 2,
					fit: f.contentSite,
					good: 'It is made for content sites.',
					poor: 'It is not at its best on content sites.',
				}
			: answers.product === 'crud'
				? {
						weight: 2,
						fit: f.crudApp,
						good: 'Forms-and-tables apps are its home ground.',
						poor: 'Forms-and-tables apps take more work on it.',
					}
				: {
						weight: 2,
						fit: f.interactiveApp,
						good: 'It handles highly interactive screens well.',
						poor: 'Highly interactive screens are hard work on it.',
					},
	];
	if (answers.priority !== 'flexibility')
		factors.push({
			weight: answers.priority === 'speed' ? 2 : 1,
			fit: f.timeToMarket,
			good: 'It gets a first version out fast.',
			poor: 'The first version takes longer to build.',
		});
	if (answers.priority !== 'speed')
		factors.push({
			weight: answers.priority === 'flexibility' ? 2 : 1,
			fit: f.flexibility,
			good: 'It leaves room to change direction later.',
			poor: 'It is harder to change direction on later.',
		});
	if (answers.budget === 'minimal')
		factors.push({
			weight: 2,
			fit: f.lowBudget,
			good: 'It is cheap to run at small scale.',
			poor: 'Its running costs start higher than your budget suggests.',
		});
	if (answers.traffic === 'global-read')
		factors.push({
			weight: 2,
			fit: f.globalReadHeavy,
			good: 'It serves global, read-heavy traffic from close to readers.',
			poor: 'Global read-heavy traffic needs extra caching work on it.',
		});
	if (answers.traffic === 'heavy-work')
		factors.push({
			weight: 2,
			fit: f.writeHeavy,
			good: 'It copes with heavy, long-running server work.',
			poor: 'Heavy or long-running work runs into its limits.',
		});
	if (answers.lockIn === 'avoid')
		factors.push({
			weight: 1,
			fit: f.lowLockIn,
			good: 'It runs on many hosts, so moving is possible.',
			poor: 'It ties you closely to one provider.',
		});
	if (answers.typeSafety === 'high')
		factors.push({
			weight: 1,
			fit: f.typeSafety,
			good: 'It carries types end to end.',
			poor: 'End-to-end types take extra tooling.',
		});
	if (answers.cloud !== 'none') {
		const fits = stack.clouds.includes(answers.cloud as never) || stack.clouds.includes('any');
		factors.push({
			weight: 1,
			fit: fits ? 3 : 0,
			good: `It runs well on ${answers.cloud === 'aws' ? 'AWS' : answers.cloud === 'cloudflare' ? 'Cloudflare' : 'Vercel'}, where you already are.`,
			poor: 'It would mean running on a new cloud.',
		});
	}
	return factors;
}

/**
 * Ranks stacks for a team's answers. Each factor contributes weight × fit (fit 0–3); fits of 2 or
 * more become reasons, fits of 0 or 1 become concerns, so every ranking explains itself.
 * @example recommendStacks(stacks, phpCrudAnswers)[0].name // => 'Laravel + Livewire'
 */
export function recommendStacks(
	stacks: readonly (StackProfile & { id: string })[],
	answers: AdvisorAnswers,
	limit = 3,
): Recommendation[] {
	return stacks
		.map((stack) => {
			const factors = factorsFor(stack, answers);
			const max = factors.reduce((sum, factor) => sum + factor.weight * 3, 0);
			const score = Math.round(
				(factors.reduce((sum, factor) => sum + factor.weight * factor.fit, 0) / max) * 100,
			);
			const byImpact = [...factors].sort((a, b) => b.weight * b.fit - a.weight * a.fit);
			return {
				id: stack.id,
				name: stack.name,
				score,
				reasons: byImpact.filter((factor) => factor.fit >= 2).map((factor) => factor.good),
				concerns: byImpact
					.filter((factor) => factor.fit <= 1)
					.reverse()
					.map((factor) => factor.poor),
				tradeoffs: stack.tradeoffs,
				caveats: stack.caveats,
				guides: stack.guides,
				hostingPreset: stack.hostingPreset,
			};
		})
		.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
		.slice(0, limit);
}
