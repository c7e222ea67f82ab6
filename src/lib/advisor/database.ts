// The database the stack advisor suggests beside the stacks: the answers become a workload, the
// database calculator prices it on every provider, and the answers weigh the ones that fit.
import { defaultsOf, toQueryString } from '../calculators/fields.ts';
import { estimateDatabases, type DatabaseData, type DatabaseQuote } from '../calculators/database/compute.ts';
import { DATABASE_FIELDS } from '../calculators/database/fields.ts';
import type { DatabaseInput } from '../calculators/database/sizing.ts';
import { formatUsd } from '../format/money.ts';
import type { AdvisorAnswers } from './questions.ts';

/** A workload a team with these answers is likely to start with: a starting point to adjust. */
const TRAFFIC: Record<string, Partial<DatabaseInput>> = {
	small: {
		dataGb: 5,
		growthGbPerMonth: 0.5,
		peakReadsPerSecond: 50,
		avgReadsPerSecond: 10,
		peakWritesPerSecond: 10,
		avgWritesPerSecond: 2,
		connections: 40,
		egressGb: 10,
	},
	'global-read': {
		dataGb: 20,
		growthGbPerMonth: 2,
		peakReadsPerSecond: 800,
		avgReadsPerSecond: 150,
		peakWritesPerSecond: 30,
		avgWritesPerSecond: 5,
		connections: 150,
		egressGb: 200,
	},
	'heavy-work': {
		dataGb: 60,
		growthGbPerMonth: 8,
		peakReadsPerSecond: 400,
		avgReadsPerSecond: 100,
		peakWritesPerSecond: 200,
		avgWritesPerSecond: 50,
		connections: 200,
		egressGb: 100,
	},
};

/** The database workload the answers suggest, as the database calculator's values. */
export function advisorWorkload(answers: AdvisorAnswers): DatabaseInput {
	return {
		...defaultsOf<DatabaseInput>(DATABASE_FIELDS),
		...TRAFFIC[answers.traffic],
		// Content sites keep little data; business apps keep the most.
		...(answers.product === 'content' ? { dataGb: 1, growthGbPerMonth: 0.1 } : {}),
		ha: answers.budget === 'ample',
		backupDays: answers.budget === 'minimal' ? 1 : 7,
		fromWorkers: answers.cloud === 'cloudflare',
	};
}

/** Databases that only one provider runs: moving off them means a rewrite or a migration tool. */
const PROPRIETARY = new Set(['d1', 'aurora-serverless']);
/** Platforms with a dashboard, branching or an API layer that shorten the first months. */
const QUICK_START = new Set(['neon', 'supabase']);
const HOME_CLOUD: Record<string, readonly string[]> = {
	aws: ['rds', 'aurora-serverless'],
	cloudflare: ['d1'],
};

export interface DatabaseAdvice {
	quote: DatabaseQuote;
	reasons: string[];
	concerns: string[];
	/** The next best, for comparison. */
	alternatives: DatabaseQuote[];
	/** The database calculator with this workload, to adjust and price it further. */
	calculatorUrl: string;
	workload: DatabaseInput;
}

/**
 * Weighs every provider that fits: cost first (each doubling of the cheapest price costs a
 * point), then the answers (its cloud +1.5, lock-in it wants to avoid −4, time to market +1). Undefined if none fits.
 */
export function recommendDatabase(answers: AdvisorAnswers, data: DatabaseData): DatabaseAdvice | undefined {
	const workload = advisorWorkload(answers);
	const { ranked } = estimateDatabases(workload, data);
	const cheapest = ranked[0]?.totalUsd;
	if (cheapest === undefined) return undefined;
	const judged = ranked.map((quote) => {
		const reasons: string[] = [];
		const concerns: string[] = [];
		let score = -Math.log2(Math.max(quote.totalUsd, 1) / Math.max(cheapest, 1));
		if (quote.totalUsd === cheapest)
			reasons.push(`The cheapest that fits: ${formatUsd(quote.totalUsd)} a month.`);
		else concerns.push(`${formatUsd(quote.totalUsd - cheapest)} a month more than the cheapest that fits.`);
		if (HOME_CLOUD[answers.cloud]?.includes(quote.id)) {
			score += 1.5;
			reasons.push(
				'Runs where you already are: one bill, one set of access controls, no cross-provider latency.',
			);
		}
		if (quote.id === 'd1' && answers.cloud !== 'cloudflare') {
			score -= 1;
			concerns.push('Queried from Cloudflare Workers (or over its HTTP API): the app has to run there.');
		}
		if (PROPRIETARY.has(quote.id)) {
			if (answers.lockIn === 'avoid') {
				score -= 4;
				concerns.push('Runs only on one provider, which you want to avoid.');
			} else concerns.push('Runs only on this provider: leaving means a migration.');
		} else reasons.push('Standard PostgreSQL: pg_dump moves it to any other host.');
		if (answers.priority === 'speed' && QUICK_START.has(quote.id)) {
			score += 1;
			reasons.push('A dashboard, branching and backups from the first day shorten the time to market.');
		}
		return { quote, score, reasons, concerns };
	});
	judged.sort((a, b) => b.score - a.score);
	const [best, ...rest] = judged;
	if (!best) return undefined;
	return {
		quote: best.quote,
		reasons: [...best.reasons, ...best.quote.why.slice(0, 1)],
		concerns: [...best.concerns, ...best.quote.warnings.slice(0, 2)],
		alternatives: rest.slice(0, 2).map((entry) => entry.quote),
		calculatorUrl: `/tools/database?${toQueryString(workload)}`,
		workload,
	};
}
