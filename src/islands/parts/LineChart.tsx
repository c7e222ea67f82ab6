import { formatUsd } from '~/lib/format/money';

const COMPACT_USD = new Intl.NumberFormat('en-US', {
	style: 'currency',
	currency: 'USD',
	notation: 'compact',
	maximumFractionDigits: 1,
});

interface LineProps {
	title: string;
	xLabel: string;
	yLabel: string;
	/** x values (shown on a log scale when `logX`), and one series per line. */
	xs: number[];
	/** null where an option does not apply, e.g. a database past its size limit. */
	series: { name: string; values: (number | null)[] }[];
	logX?: boolean;
	formatX: (x: number) => string;
	/** x values to mark, e.g. where two lines cross. */
	markers?: readonly { x: number; label: string }[];
}

/** Cost lines against a driver (traffic, hit rate) as SVG with labelled axes and units. */
export default function LineChart({
	title,
	xLabel,
	yLabel,
	xs,
	series,
	logX = false,
	formatX,
	markers = [],
}: LineProps) {
	const w = 520;
	const h = 260;
	const pad = { left: 84, right: 16, top: 16, bottom: 48 };
	const tx = (x: number) => {
		const [lo, hi] = [xs[0] ?? 0, xs.at(-1) ?? 1];
		const t = logX ? (Math.log(x) - Math.log(lo)) / (Math.log(hi) - Math.log(lo)) : (x - lo) / (hi - lo || 1);
		return pad.left + t * (w - pad.left - pad.right);
	};
	const maxY = Math.max(...series.flatMap((s) => s.values.map((v) => v ?? 0)), 1);
	const ty = (y: number) => h - pad.bottom - (y / maxY) * (h - pad.top - pad.bottom);
	const ticks = [0, 0.5, 1].map((f) => f * maxY);
	return (
		<figure class="chart">
			<svg
				viewBox={`0 0 ${w} ${h}`}
				role="img"
				aria-label={`${title}. ${series.map((s) => `${s.name}: ${s.values.map((v, i) => `${formatX(xs[i] ?? 0)} ${v === null ? 'n/a' : formatUsd(v)}`).join(', ')}`).join('. ')}`}
			>
				{ticks.map((tick) => (
					<g key={tick}>
						<line x1={pad.left} x2={w - pad.right} y1={ty(tick)} y2={ty(tick)} class="grid" />
						<text x={pad.left - 6} y={ty(tick) + 4} text-anchor="end" class="tick">
							{COMPACT_USD.format(tick)}
						</text>
					</g>
				))}
				{[xs[0], xs[Math.floor(xs.length / 2)], xs.at(-1)].map((x) =>
					x === undefined ? null : (
						<text key={x} x={tx(x)} y={h - pad.bottom + 16} text-anchor="middle" class="tick">
							{formatX(x)}
						</text>
					),
				)}
				{series.map((s, index) => (
					<polyline
						key={s.name}
						class={`line line-${index}`}
						fill="none"
						points={s.values.flatMap((v, i) => (v === null ? [] : [`${tx(xs[i] ?? 0)},${ty(v)}`])).join(' ')}
					/>
				))}
				{markers.map((marker, index) => (
					<g key={marker.x}>
						<line x1={tx(marker.x)} x2={tx(marker.x)} y1={pad.top} y2={h - pad.bottom} class="marker" />
						<text x={tx(marker.x) + 4} y={pad.top + 12 + index * 14} class="tick">
							{marker.label}
						</text>
					</g>
				))}
				<text x={(pad.left + w - pad.right) / 2} y={h - 8} text-anchor="middle" class="axis-label">
					{xLabel}
				</text>
				<text
					x={14}
					y={(pad.top + h - pad.bottom) / 2}
					text-anchor="middle"
					class="axis-label"
					transform={`rotate(-90 14 ${(pad.top + h - pad.bottom) / 2})`}
				>
					{yLabel}
				</text>
			</svg>
			<figcaption>
				{title}.{' '}
				{series.map((s, index) => (
					<span key={s.name} class={`key key-${index}`}>
						{s.name}
					</span>
				))}
			</figcaption>
		</figure>
	);
}
