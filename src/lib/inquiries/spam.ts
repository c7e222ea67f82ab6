/** Why a submission counts as spam, or null when it looks human. */
export type SpamReason = 'honeypot' | 'too-fast' | 'bad-token' | 'turnstile' | null;

/**
 * Judges a submission: a filled honeypot, a form sent faster than a person could fill it, or a
 * failed Turnstile check mean spam. API clients send no form token, so `tokenAgeSeconds` is
 * undefined for them and only the honeypot and Turnstile apply.
 * @example judgeSpam({ honeypot: '', tokenAgeSeconds: 1, minSeconds: 3, turnstilePassed: true }) // => 'too-fast'
 */
export function judgeSpam(input: {
	honeypot: string;
	/** undefined: not a form post; null: the form token was missing or invalid. */
	tokenAgeSeconds: number | null | undefined;
	minSeconds: number;
	turnstilePassed: boolean;
}): SpamReason {
	if (input.honeypot.trim() !== '') return 'honeypot';
	if (input.tokenAgeSeconds === null) return 'bad-token';
	if (input.tokenAgeSeconds !== undefined && input.tokenAgeSeconds < input.minSeconds) return 'too-fast';
	if (!input.turnstilePassed) return 'turnstile';
	return null;
}
