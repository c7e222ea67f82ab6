/**
 * Compares two secrets (signatures, tokens) in time independent of where they differ, so an
 * attacker cannot learn a correct prefix from how fast a wrong guess is refused.
 * @example equalInConstantTime('abc', 'abc') // => true
 */
export function equalInConstantTime(a: string, b: string): boolean {
	if (a.length !== b.length) return false;
	let difference = 0;
	for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
	return difference === 0;
}
