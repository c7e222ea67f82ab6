// Geometry for horizontal bar charts in guides: one bar per row, each made of stacked segments.
// Wide screens put the label beside its bar; narrow ones put it above, so a phone keeps the
// full width for the bars. The components format the numbers; this file only places them.

export interface BarRow {
	label: string;
	/** Segment values in series order; zero or missing segments are not drawn. */
	values: readonly number[];
}

export interface BarsLayout {
	width: number;
	height: number;
	rows: {
		label: string;
		labelX: number;
		labelY: number;
		total: number;
		totalX: number;
		totalY: number;
		segments: { series: number; value: number; x: number; y: number; w: number; h: number }[];
	}[];
}

const BARS = { margin: 8, bar: 22, labelRoom: 22, totalRoom: 84, gap: 14 } as const;
const VIEWS = { wide: { width: 680, labelColumn: 200 }, narrow: { width: 340, labelColumn: 0 } } as const;
/** Longest label that fits the wide view's label column at the diagram font size. */
export const MAX_BAR_LABEL = 28;

/**
 * Lays out horizontal bars on one scale, the longest total filling the bar area.
 * @throws Error naming a label that is too long or a value that is negative or not a number.
 */
export function layoutBars(rows: readonly BarRow[], view: keyof typeof VIEWS): BarsLayout {
	if (rows.length === 0) throw new Error('bars: give at least one bar');
	for (const row of rows) {
		if (row.label.length > MAX_BAR_LABEL)
			throw new Error(`bar "${row.label}" has a label over ${MAX_BAR_LABEL} characters: shorten it`);
		if (row.values.some((value) => !Number.isFinite(value) || value < 0))
			throw new Error(`bar "${row.label}" has a value that is negative or not a number`);
	}
	const { width, labelColumn } = VIEWS[view];
	const besideLabel = labelColumn > 0;
	const start = BARS.margin + labelColumn;
	const area = width - start - BARS.totalRoom - BARS.margin;
	const totals = rows.map((row) => row.values.reduce((sum, value) => sum + value, 0));
	const scale = area / Math.max(...totals, Number.MIN_VALUE);
	const rowHeight = BARS.bar + BARS.gap + (besideLabel ? 0 : BARS.labelRoom);
	return {
		width,
		height: BARS.margin * 2 + rows.length * rowHeight - BARS.gap,
		rows: rows.map((row, index) => {
			const top = BARS.margin + index * rowHeight;
			const barY = besideLabel ? top : top + BARS.labelRoom;
			let x = start;
			const segments = row.values.flatMap((value, series) => {
				if (value === 0) return [];
				const segment = { series, value, x, y: barY, w: value * scale, h: BARS.bar };
				x += segment.w;
				return [segment];
			});
			return {
				label: row.label,
				labelX: BARS.margin,
				labelY: besideLabel ? barY + BARS.bar / 2 + 5 : top + 15,
				total: totals[index]!,
				totalX: x + 6,
				totalY: barY + BARS.bar / 2 + 5,
				segments,
			};
		}),
	};
}
