import { describe, expect, it } from 'vitest';
import { judgeGate, versionOverrideHeader, type GateVerdict } from '../../../scripts/lib/release/gate';
import { parseSteps, rollOut, type RolloutTarget } from '../../../scripts/lib/release/rollout';
import {
	bookmarkOf,
	bundleSizeOf,
	stableVersionId,
	uploadedVersion,
} from '../../../scripts/lib/release/wrangler';

const policy = { probes: 100, maxErrorRate: 0.01, timeoutMs: 1000 };
const ok = (path = '/') => ({ path, status: 200 });

describe('judgeGate', () => {
	it('passes with a healthy version and at most 1 % of probes failing', () => {
		const outcomes = [...Array.from({ length: 99 }, () => ok()), { path: '/contact', status: 500 }];
		expect(judgeGate({ path: '/api/health', status: 200 }, outcomes, policy)).toMatchObject({
			passed: true,
			errors: 1,
			errorRate: 0.01,
		});
	});

	it('fails on a health check that is not 200, whatever the probes say', () => {
		const verdict = judgeGate({ path: '/api/health', status: 503 }, [ok()], policy);
		expect(verdict.passed).toBe(false);
		expect(verdict.reasons).toEqual(['/api/health answered 503, not 200']);
	});

	it('counts 5xx, timeouts and refused connections as errors, naming examples', () => {
		const outcomes = [
			...Array.from({ length: 97 }, () => ok()),
			{ path: '/guides/', status: 502 },
			{ path: '/status', error: 'TimeoutError' },
			{ path: '/rss.xml', status: 404 },
			{ path: '/tools/hosting', error: 'TypeError' },
		];
		const verdict = judgeGate({ path: '/api/health', status: 200 }, outcomes, policy);
		expect(verdict).toMatchObject({ passed: false, errors: 3, probes: 101 });
		expect(verdict.reasons[0]).toContain(
			'/guides/ → 502, /status → TimeoutError, /tools/hosting → TypeError',
		);
	});
});

describe('versionOverrideHeader', () => {
	it('is a structured-field dictionary member naming the Worker and the version', () => {
		expect(versionOverrideHeader('loadbearing', 'dc8dcd28-271b-4367-9840-6c244f84cb40')).toEqual({
			'Cloudflare-Workers-Version-Overrides': 'loadbearing="dc8dcd28-271b-4367-9840-6c244f84cb40"',
		});
		expect(() => versionOverrideHeader('Load Bearing', 'v1')).toThrow(/dictionary key/);
		expect(() => versionOverrideHeader('loadbearing', 'v1"; x')).toThrow(/version id/);
	});
});

describe('rollOut', () => {
	const passed: GateVerdict = {
		passed: true,
		healthStatus: 200,
		probes: 100,
		errors: 0,
		errorRate: 0,
		reasons: [],
	};
	const failed: GateVerdict = {
		...passed,
		passed: false,
		healthStatus: 503,
		reasons: ['/api/health answered 503'],
	};

	function recorder() {
		const moves: string[] = [];
		const target: RolloutTarget = {
			shift: async (percent) => void moves.push(`shift ${percent}`),
			rollBack: async () => void moves.push('roll back'),
		};
		return { moves, target };
	}

	it('promotes step by step while every gate passes', async () => {
		const { moves, target } = recorder();
		const report = await rollOut({
			plan: { steps: [10, 50, 100], soakMs: 0 },
			target,
			gate: async () => passed,
			log: () => {},
		});
		expect(report.outcome).toBe('promoted');
		expect(moves).toEqual(['shift 10', 'shift 50', 'shift 100']);
	});

	it('rolls back at the first failed gate and goes no further', async () => {
		const { moves, target } = recorder();
		const verdicts = [passed, failed, passed];
		const report = await rollOut({
			plan: { steps: [10, 50, 100], soakMs: 0 },
			target,
			gate: async () => verdicts.shift()!,
			log: () => {},
		});
		expect(report).toMatchObject({ outcome: 'rolled-back', failedAt: 50 });
		expect(moves).toEqual(['shift 10', 'shift 50', 'roll back']);
	});

	it('rolls back when moving traffic itself fails', async () => {
		const moves: string[] = [];
		const report = await rollOut({
			plan: { steps: [10, 100], soakMs: 0 },
			target: {
				shift: async () => {
					throw new Error('API answered 500');
				},
				rollBack: async () => void moves.push('roll back'),
			},
			gate: async () => passed,
			log: () => {},
		});
		expect(report.outcome).toBe('rolled-back');
		expect(report.gates[0]?.verdict.reasons).toEqual(['step failed: API answered 500']);
		expect(moves).toEqual(['roll back']);
	});
});

describe('parseSteps', () => {
	it('accepts rising percentages that end at 100', () => {
		expect(parseSteps('10, 50,100')).toEqual([10, 50, 100]);
		for (const bad of ['10,50', '50,10,100', '0,100', '10,10,100', 'ten,100'])
			expect(() => parseSteps(bad), bad).toThrow(/rising whole percentages/);
	});
});

describe('wrangler output', () => {
	it('reads the dry run total', () => {
		expect(bundleSizeOf('…\nTotal Upload: 2479.09 KiB / gzip: 672.11 KiB\n--dry-run: exiting now.')).toEqual({
			uploadKiB: 2479.09,
			gzipKiB: 672.11,
		});
		expect(() => bundleSizeOf('nothing')).toThrow(/Total Upload/);
	});

	it('reads the uploaded version and its preview URLs from wrangler output records', () => {
		const records = [
			{ type: 'wrangler-session', version: 1 },
			{
				type: 'version-upload',
				version_id: 'a1b2',
				preview_url: 'https://a1b2-loadbearing.example.workers.dev',
				preview_alias_url: 'https://pr-7-loadbearing.example.workers.dev',
			},
		];
		expect(uploadedVersion(records)).toEqual({
			versionId: 'a1b2',
			previewUrl: 'https://a1b2-loadbearing.example.workers.dev',
			previewAliasUrl: 'https://pr-7-loadbearing.example.workers.dev',
		});
		expect(() => uploadedVersion([])).toThrow(/no version id/);
	});

	it('returns to the version serving most traffic, mid-rollout too', () => {
		const status = JSON.stringify({
			versions: [
				{ version_id: 'new', percentage: 10 },
				{ version_id: 'old', percentage: 90 },
			],
		});
		expect(stableVersionId(status)).toBe('old');
		expect(() => stableVersionId('{"versions":[]}')).toThrow(/no versions/);
	});

	it('reads the Time Travel bookmark', () => {
		expect(bookmarkOf('{"bookmark":"00000085-0000024c-00004c6d-8e61117bf38d7adb71b934ebbf891683"}')).toBe(
			'00000085-0000024c-00004c6d-8e61117bf38d7adb71b934ebbf891683',
		);
		expect(() => bookmarkOf('{}')).toThrow(/no bookmark/);
	});
});
