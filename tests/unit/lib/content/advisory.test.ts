import { describe, expect, it } from 'vitest';
import {
	advisoriesForStack,
	AdvisorySchema,
	citationProblem,
	type Advisory,
} from '~/lib/content/advisory-schema';

const base = {
	title: 'Middleware bypass',
	product: 'Next.js',
	ecosystem: 'npm',
	packages: ['next'],
	stacks: ['nextjs'],
	affected: '<15.2.3',
	fixed: ['15.2.3'],
	cvss: 9.1,
	cvssVersion: '3.1',
	severity: 'critical',
	status: 'published',
	exploited: false,
	published: '2025-03-21',
	updated: '2025-04-08',
	summary: 'A spoofed header makes Next.js skip middleware.',
	source: 'https://github.com/CVEProject/cvelistV5/blob/main/cves/2025/29xxx/CVE-2025-29927.json',
};
const parse = (overrides: object): Advisory => AdvisorySchema.parse({ ...base, ...overrides });

describe('advisories', () => {
	it('need the id to cite instead when withdrawn, and the listing day when exploited', () => {
		const rejected = AdvisorySchema.safeParse({ ...base, id: 'CVE-2025-66478', status: 'rejected' });
		expect(rejected.error?.issues[0]).toMatchObject({ path: ['duplicateOf'] });
		const exploited = AdvisorySchema.safeParse({ ...base, id: 'CVE-2025-29927', exploited: true });
		expect(exploited.error?.issues[0]).toMatchObject({ path: ['kevAdded'] });
		expect(AdvisorySchema.safeParse({ ...base, id: 'CVE-25-1' }).success).toBe(false);
	});

	it('refuse a citation of a withdrawn or unknown id, naming what to do', () => {
		const all = [
			parse({ id: 'CVE-2025-55182' }),
			parse({ id: 'CVE-2025-66478', status: 'rejected', duplicateOf: 'CVE-2025-55182' }),
		];
		expect(citationProblem('CVE-2025-55182', all)).toBeUndefined();
		expect(citationProblem('CVE-2025-66478', all)).toBe(
			'CVE-2025-66478 was rejected as a duplicate of CVE-2025-55182; cite that id',
		);
		expect(citationProblem('CVE-2099-0001', all)).toMatch(/not in content\/advisories/);
	});

	it("list a stack's latest published advisories first", () => {
		const all = [
			parse({ id: 'CVE-2025-29927', published: '2025-03-21' }),
			parse({ id: 'CVE-2026-44575', published: '2026-05-13' }),
			parse({
				id: 'CVE-2025-66478',
				status: 'rejected',
				duplicateOf: 'CVE-2025-29927',
				published: '2025-12-03',
			}),
			parse({ id: 'CVE-2025-54068', stacks: ['laravel-livewire'], published: '2025-07-17' }),
		];
		expect(advisoriesForStack(all, 'nextjs').map((advisory) => advisory.id)).toEqual([
			'CVE-2026-44575',
			'CVE-2025-29927',
		]);
	});
});
