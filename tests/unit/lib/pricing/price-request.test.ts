import { describe, expect, it } from 'vitest';
import { parsePriceRequest } from '~/lib/pricing/price-request';

const models = ['claude-sonnet-4-5'];
const error = (body: unknown) => {
	const result = parsePriceRequest(body, models);
	return result.ok ? undefined : result.error;
};

describe('parsePriceRequest', () => {
	it('accepts a product with usage and fills defaults, free tier on', () => {
		const result = parsePriceRequest({ product: 'aws-lambda', usage: { requests: 10 } }, models);
		expect(result).toEqual({
			ok: true,
			request: {
				product: 'aws-lambda',
				usage: {
					requests: 10,
					durationMs: 0,
					memoryMb: 128,
					architecture: 'x86_64',
					ephemeralStorageMb: 512,
				},
				options: { freeTier: true },
			},
		});
	});

	it('names an unknown product and lists the known ones', () => {
		expect(error({ product: 'heroku' })).toMatchObject({
			field: 'product',
			message: expect.stringContaining('cloudflare-workers') as string,
		});
	});

	it('names an unknown usage field and lists the product fields', () => {
		expect(error({ product: 'cloudflare-workers', usage: { requests: 1, cpuMs: 5 } })).toEqual({
			field: 'usage.cpuMs',
			message: 'Unknown field "cpuMs". Use: requests, cpuMsPerRequest.',
		});
	});

	it.each([
		['negative', -1, 'usage.requests must not be negative'],
		['non-numeric', 'lots', 'usage.requests must be a number'],
		['infinite', Number.POSITIVE_INFINITY, 'usage.requests must be a number'],
	])('refuses a %s value, naming the field', (_case, value, message) => {
		const result = error({ product: 'cloudflare-workers', usage: { requests: value } });
		expect(result?.field).toBe('usage.requests');
		expect(`usage.${result?.message}`).toContain(message.replace('usage.', ''));
	});

	it('checks Lambda limits and the architecture', () => {
		expect(error({ product: 'aws-lambda', usage: { memoryMb: 20000 } })).toMatchObject({
			field: 'usage.memoryMb',
		});
		expect(error({ product: 'aws-lambda', usage: { architecture: 'sparc' } })).toMatchObject({
			field: 'usage.architecture',
		});
	});

	it('requires a known model for llm', () => {
		expect(error({ product: 'llm', usage: { model: 'gpt-2' } })).toMatchObject({ field: 'usage.model' });
		expect(
			parsePriceRequest({ product: 'llm', usage: { model: 'claude-sonnet-4-5', inputTokens: 5 } }, models).ok,
		).toBe(true);
	});

	it('checks options and stray top-level fields', () => {
		expect(error({ product: 'cloudflare-r2', options: { freeTier: 'yes' } })).toMatchObject({
			field: 'options.freeTier',
		});
		expect(error({ product: 'cloudflare-r2', options: { region: 'eu' } })).toMatchObject({
			field: 'options.region',
		});
		expect(error({ product: 'cloudflare-r2', extra: 1 })).toMatchObject({ field: 'extra' });
		expect(error([1, 2])).toMatchObject({ field: 'body' });
	});
});
