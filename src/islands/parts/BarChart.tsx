import { formatUsd } from '~/lib/format/money';

interface BarProps {
	title: string;
	axisLabel: string;
	bars: { label: string; value: number }[];
}

/** Horizontal bars as SVG; the figures are also in a table beside it, and in the aria-label. */
export default function BarChart({ title, axisLabel, bars }: BarProps) {
	const max = Math.max(...bars.map((bar) => bar.value), 1);
	const row = 34;
	const left = 120;
	const width = 340;
	const height = bars.length * row + 40;
	return (
		<figure class="chart">
			<svg
				viewBox={`0 0 ${left + width + 100} ${height}`}
				role="img"
				aria-label={`${title}. ${bars.map((bar) => `${bar.label}: ${formatUsd(bar.value)}`).join('; ')}`}
			>
				{bars.map((bar, index) => {
					const y = index * row + 8;
					const barWidth = Math.max(1, (bar.value / max) * width);
					return (
						<g key={bar.label}>
							<text x={left - 8} y={y + 17} text-anchor="end" class="label">
								{bar.label}
							</text>
							<rect x={left} y={y + 4} width={barWidth} height={row - 12} class={`bar bar-${index % 2}`} />
							<text x={left + barWidth + 6} y={y + 17} class="value">
								{formatUsd(bar.value)}
							</text>
						</g>
					);
				})}
				<line x1={left} x2={left + width} y1={height - 26} y2={height - 26} class="axis" />
				<text x={left + width / 2} y={height - 6} text-anchor="middle" class="axis-label">
					{axisLabel}
				</text>
			</svg>
			<figcaption>{title}</figcaption>
		</figure>
	);
}
