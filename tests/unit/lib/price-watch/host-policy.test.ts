import { describe, expect, it } from 'vitest';
import { describeHostLimit, hostPolicy, parseHostLimits } from '~/lib/price-watch/host-policy';

describe('hostPolicy', () => {
	it("keeps GitHub's hourly allowance and gives AWS's large offer files time to stream", () => {
		expect(hostPolicy('https://api.github.com/repos/cloudflare/cloudflare-docs/commits', 10_000)).toEqual({
			host: 'api.github.com',
			timeoutMs: 10_000,
			maxRequests: 50,
			windowMs: 3_600_000,
		});
		expect(
			hostPolicy(
				'https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonRDS/current/us-east-1/index.csv',
				10_000,
			).timeoutMs,
		).toBe(120_000);
		expect(hostPolicy('https://models.dev/api.json', 3_000)).toEqual({
			host: 'models.dev',
			timeoutMs: 3_000,
			maxRequests: 60,
			windowMs: 60_000,
		});
	});

	it('lets a setting raise or lower a host limit', () => {
		const limits = parseHostLimits('api.github.com=4000/3600');
		expect(hostPolicy('https://api.github.com/x', 10_000, limits).maxRequests).toBe(4000);
	});
});

describe('parseHostLimits', () => {
	it('reads host=requests/seconds entries and refuses anything else by name', () => {
		expect(parseHostLimits('')).toEqual({});
		expect(parseHostLimits(' Models.dev=1/5 ,')).toEqual({
			'models.dev': { maxRequests: 1, windowMs: 5_000 },
		});
		expect(() => parseHostLimits('models.dev=0/5')).toThrow('"models.dev=0/5" is not host=requests/seconds');
	});
});

describe('describeHostLimit', () => {
	it('says which host and which limit', () => {
		expect(
			describeHostLimit(
				hostPolicy('https://models.dev/api.json', 1, { 'models.dev': { maxRequests: 1, windowMs: 5_000 } }),
			),
		).toBe('models.dev: the price watch keeps to 1 request per 5 s, used up for now');
	});
});
