/**
 * A length of time for a reader: seconds under a minute, minutes with one decimal under an
 * hour, then hours and minutes, then days with one decimal from two days up.
 * @example formatMinutes(43.2) // => "43.2 min"
 * @example formatMinutes(438) // => "7 h 18 min"
 * @example formatMinutes(3000) // => "2.1 days"
 */
export function formatMinutes(minutes: number): string {
	if (minutes < 1) return `${Math.round(minutes * 60)} s`;
	if (minutes < 60) return `${Number(minutes.toFixed(1))} min`;
	if (minutes < 48 * 60) {
		const hours = Math.floor(minutes / 60);
		const rest = Math.round(minutes - hours * 60);
		return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
	}
	return `${Number((minutes / 1440).toFixed(1))} days`;
}
