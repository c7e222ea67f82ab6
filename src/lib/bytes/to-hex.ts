/**
 * Bytes as lower-case hex, two digits each (digests, signatures).
 * @example toHex(new Uint8Array([0, 171])) // => '00ab'
 */
export function toHex(bytes: Uint8Array | ArrayBuffer): string {
	return [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
