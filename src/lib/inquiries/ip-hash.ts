import { toHex } from '../bytes/to-hex.ts';

/**
 * A salted SHA-256 of the client IP, so abuse can be counted per client without storing who
 * they are. With the salt kept secret, the hash cannot be reversed by trying every IP.
 */
export async function hashClientIp(ip: string, salt: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${salt}:${ip}`));
	return toHex(digest);
}
