import { describe, expect, it } from 'vitest';
import { judgeSpam } from '~/lib/inquiries/spam';

const human = { honeypot: '', tokenAgeSeconds: 40, minSeconds: 3, turnstilePassed: true };

describe('judgeSpam', () => {
	it('lets a person who took their time through', () => {
		expect(judgeSpam(human)).toBeNull();
	});

	it('flags a filled honeypot before anything else', () => {
		expect(judgeSpam({ ...human, honeypot: 'http://spam.example', turnstilePassed: false })).toBe('honeypot');
	});

	it('flags a form sent faster than a person could fill it', () => {
		expect(judgeSpam({ ...human, tokenAgeSeconds: 1 })).toBe('too-fast');
	});

	it('flags a missing or forged form token', () => {
		expect(judgeSpam({ ...human, tokenAgeSeconds: null })).toBe('bad-token');
	});

	it('does not ask API clients for a form token', () => {
		expect(judgeSpam({ ...human, tokenAgeSeconds: undefined })).toBeNull();
	});

	it('flags a failed Turnstile check', () => {
		expect(judgeSpam({ ...human, turnstilePassed: false })).toBe('turnstile');
	});
});
