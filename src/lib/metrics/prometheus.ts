/** One metric family in the Prometheus text exposition format (version 0.0.4). */
export interface MetricFamily {
	name: string;
	help: string;
	type: 'counter' | 'gauge';
	samples: { labels?: Record<string, string>; value: number }[];
}

/** Prometheus writes infinities and NaN its own way; JavaScript would print "Infinity". */
const sampleValue = (value: number) =>
	Number.isFinite(value) ? String(value) : Number.isNaN(value) ? 'NaN' : value > 0 ? '+Inf' : '-Inf';

const escapeLabel = (value: string) =>
	value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');

/**
 * Renders metric families as Prometheus text: HELP and TYPE lines, then one line per sample.
 * @example renderPrometheus([{ name: 'up', help: 'Up', type: 'gauge', samples: [{ value: 1 }] }]) // => '# HELP up Up\n# TYPE up gauge\nup 1\n'
 */
export function renderPrometheus(families: readonly MetricFamily[]): string {
	const lines: string[] = [];
	for (const family of families) {
		lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} ${family.type}`);
		for (const sample of family.samples) {
			const labels = Object.entries(sample.labels ?? {})
				.map(([key, value]) => `${key}="${escapeLabel(value)}"`)
				.join(',');
			lines.push(`${family.name}${labels ? `{${labels}}` : ''} ${sampleValue(sample.value)}`);
		}
	}
	return `${lines.join('\n')}\n`;
}
