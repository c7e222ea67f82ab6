import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite } from '~/lib/http/same-origin';

const site = 'https://loadbearing.dev';
const request = (method: string, origin: string | null, secFetchSite: string | null = null) => ({
	method,
	origin,
	secFetchSite,
	requestOrigin: site,
});

describe('isCrossSiteWrite', () => {
	it('refuses a POST whose Origin is another site', () => {
		expect(isCrossSiteWrite(request('POST', 'https://evil.test'))).toBe(true);
	});

	it('refuses a POST the browser marks as cross-site or same-site (a sibling subdomain)', () => {
		expect(isCrossSiteWrite(request('POST', null, 'cross-site'))).toBe(true);
		expect(isCrossSiteWrite(request('PUT', null, 'same-site'))).toBe(true);
	});

	it('allows writes from this site', () => {
		expect(isCrossSiteWrite(request('POST', site, 'same-origin'))).toBe(false);
	});

	it('allows writes from servers and scripts, which send no Origin', () => {
		expect(isCrossSiteWrite(request('POST', null))).toBe(false);
	});

	it('never refuses reads', () => {
		expect(isCrossSiteWrite(request('GET', 'https://evil.test', 'cross-site'))).toBe(false);
	});
});
