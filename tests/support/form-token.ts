import { issueFormToken } from '../../src/lib/inquiries/form-token.ts';

/**
 * A form token as the contact page signs it, `ageSeconds` old, for a test or benchmark client
 * that sends an inquiry as JSON: the API applies the form's time check to it too.
 */
export function signedFormToken(secret: string, ageSeconds = 60): Promise<string> {
	return issueFormToken(secret, Math.floor(Date.now() / 1000) - ageSeconds);
}
