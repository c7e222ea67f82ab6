import { signPayload, verifySignature } from '../integrations/signature.ts';

/**
 * The token rendered with the contact form: the time it was issued, signed, so a bot cannot
 * fake "I have been on this page for a while".
 */
export function issueFormToken(secret: string, nowSeconds: number): Promise<string> {
	return signPayload(secret, nowSeconds, 'contact-form');
}

/**
 * How long ago a form token was issued, or null when it is missing, forged or over a day old.
 * @example await formTokenAge(await issueFormToken('s', 100), 's', 130) // => 30
 */
export async function formTokenAge(
	token: string | null,
	secret: string,
	nowSeconds: number,
): Promise<number | null> {
	const check = await verifySignature(token, 'contact-form', secret, nowSeconds, 24 * 60 * 60);
	return check.ok ? nowSeconds - check.timestamp : null;
}
