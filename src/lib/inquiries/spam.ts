/** The spam-check fields, named the same in the contact form and in a JSON inquiry. */
export const SPAM_FIELDS = {
	/** Hidden from people (who leave it empty), filled by bots. */
	honeypot: 'website',
	/** Signed when the form was served; too young means a bot. */
	formToken: 'formToken',
	/** What the Turnstile widget puts in the form. */
	turnstile: 'cf-turnstile-response',
} as const;

/** Why a submission counts as spam, or null when it looks human. */
export type SpamReason = 'honeypot' | 'too-fast' | 'bad-token' | 'turnstile' | null;

/**
 * Judges a submission, from the form or the JSON API alike: a filled honeypot, a missing or
 * forged form token, one sent faster than a person could fill the form, or a failed Turnstile
 * check mean spam. `tokenAgeSeconds` is undefined only when no token secret is configured.
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
