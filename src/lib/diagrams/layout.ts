// Geometry for the diagrams guides draw in MDX: pure functions from a description (actors and
// messages, or steps and arrows) to coordinates, so the SVG components stay thin and a typo
// in a guide fails the build with a message naming it.

export interface SequenceStep {
	from: string;
	to: string;
	label: string;
}

export interface SequenceLayout {
	width: number;
	height: number;
	actors: { name: string; x: number }[];
	arrows: { x1: number; x2: number; y: number; label: string; number: number; self: boolean }[];
}

const SEQUENCE = { column: 150, margin: 16, head: 44, row: 46 } as const;

/**
 * Lays out a sequence diagram: one column per actor, one row per message, top to bottom.
 * @throws Error naming a message whose actor is not listed.
 */
export function layoutSequence(actors: readonly string[], steps: readonly SequenceStep[]): SequenceLayout {
	const x = (name: string, step: number) => {
		const index = actors.indexOf(name);
		if (index < 0)
			throw new Error(`step ${step} names "${name}", which is not one of the actors: ${actors.join(', ')}`);
		return SEQUENCE.margin + SEQUENCE.column / 2 + index * SEQUENCE.column;
	};
	const arrows = steps.map((step, index) => ({
		x1: x(step.from, index + 1),
		x2: x(step.to, index + 1),
		y: SEQUENCE.head + SEQUENCE.row * (index + 0.75),
		label: step.label,
		number: index + 1,
		self: step.from === step.to,
	}));
	return {
		// A message to oneself writes its label to the right of the last column too.
		width:
			SEQUENCE.margin * 2 + actors.length * SEQUENCE.column + (arrows.some((arrow) => arrow.self) ? 110 : 0),
		height: SEQUENCE.head + SEQUENCE.row * steps.length + SEQUENCE.margin,
		actors: actors.map((name, index) => ({ name, x: x(name, index) })),
		arrows,
	};
}

export type Tone = 'plain' | 'ok' | 'warn' | 'danger';

export interface FlowNode {
	id: string;
	label: string;
	tone?: Tone;
}

export interface FlowEdge {
	from: string;
	to: string;
	label?: string;
}

export interface FlowLayout {
	width: number;
	height: number;
	nodes: { id: string; label: string; tone: Tone; x: number; y: number; w: number; h: number }[];
	edges: {
		path: string;
		label: string;
		labelX: number;
		labelY: number;
		/** How the label aligns to labelX: an arc's label on a phone starts at the arc and runs inward. */
		anchor: 'middle' | 'start';
		back: boolean;
	}[];
}

const FLOW = { box: 124, boxHigh: 44, gap: 44, rowGap: 72, margin: 16, lane: 28 } as const;

/**
 * Lays out steps in a line, left to right (`row`) or top to bottom (`column`, for narrow
 * screens). Arrows between neighbours are straight; longer forward arrows arc over the line
 * and arrows back arc under it, higher the further they reach.
 * @throws Error naming an arrow whose step is not listed.
 */
export function layoutFlow(
	nodes: readonly FlowNode[],
	edges: readonly FlowEdge[],
	direction: 'row' | 'column',
): FlowLayout {
	const index = (id: string, edge: number) => {
		const found = nodes.findIndex((node) => node.id === id);
		if (found < 0)
			throw new Error(
				`arrow ${edge} names "${id}", which is not one of the steps: ${nodes.map((n) => n.id).join(', ')}`,
			);
		return found;
	};
	const spans = edges.map((edge, i) => index(edge.to, i + 1) - index(edge.from, i + 1));
	const reach = (sign: 1 | -1) =>
		Math.max(0, ...spans.filter((s) => Math.sign(s) === sign && Math.abs(s) > 1).map(Math.abs));
	// Lanes for arcs: forward ones on one side of the line, backward ones on the other.
	const before = reach(1) > 0 ? FLOW.lane * (reach(1) - 1) + FLOW.lane : 0;
	const after = spans.some((s) => s < 0) ? FLOW.lane * Math.max(1, reach(-1)) + FLOW.lane : 0;
	const row = direction === 'row';
	// Side by side, a label between two boxes needs room; stacked, it sits beside the arrow.
	const gap = row ? FLOW.rowGap : FLOW.gap;
	const step = (row ? FLOW.box : FLOW.boxHigh) + gap;
	const cross = FLOW.margin + before;
	const placed = nodes.map((node, i) => ({
		id: node.id,
		label: node.label,
		tone: node.tone ?? 'plain',
		x: row ? FLOW.margin + i * step : cross,
		y: row ? cross : FLOW.margin + i * step,
		w: FLOW.box,
		h: FLOW.boxHigh,
	}));
	const centre = (i: number) => {
		const box = placed[i]!;
		return { x: box.x + box.w / 2, y: box.y + box.h / 2 };
	};
	const laid = edges.map((edge, i) => {
		const a = index(edge.from, i + 1);
		const b = index(edge.to, i + 1);
		const span = b - a;
		const from = centre(a);
		const to = centre(b);
		const half = row ? FLOW.box / 2 : FLOW.boxHigh / 2;
		if (span === 1) {
			const path = row
				? `M${from.x + half},${from.y} L${to.x - half - 2},${to.y}`
				: `M${from.x},${from.y + half} L${to.x},${to.y - half - 2}`;
			return {
				path,
				label: edge.label ?? '',
				labelX: row ? (from.x + to.x) / 2 : from.x + 6,
				labelY: row ? from.y - 6 : (from.y + to.y) / 2 + 4,
				anchor: row ? ('middle' as const) : ('start' as const),
				back: false,
			};
		}
		// An arc leaves one side of the line and comes back to it.
		const sideOffset = FLOW.lane * Math.abs(span) * (span > 0 ? -1 : 1);
		const edgeOf = (point: { x: number; y: number }, sign: number) =>
			row
				? { x: point.x, y: point.y + (sign * FLOW.boxHigh) / 2 }
				: { x: point.x + (sign * FLOW.box) / 2, y: point.y };
		const sign = span > 0 ? -1 : 1;
		const p1 = edgeOf(from, sign);
		const p2 = edgeOf(to, sign);
		const path = row
			? `M${p1.x},${p1.y} C${p1.x},${p1.y + sideOffset} ${p2.x},${p2.y + sideOffset} ${p2.x},${p2.y + 2 * sign}`
			: `M${p1.x},${p1.y} C${p1.x + sideOffset},${p1.y} ${p2.x + sideOffset},${p2.y} ${p2.x + 2 * sign},${p2.y}`;
		const mid = row
			? { x: (p1.x + p2.x) / 2, y: p1.y + sideOffset * 0.75 + (span > 0 ? -4 : 12) }
			: { x: p1.x + sideOffset * 0.75, y: (p1.y + p2.y) / 2 };
		const inward = !row && span > 0;
		return {
			path,
			label: edge.label ?? '',
			labelX: inward ? mid.x + 4 : mid.x,
			labelY: mid.y,
			anchor: inward ? ('start' as const) : ('middle' as const),
			back: span < 0,
		};
	});
	const length = FLOW.margin * 2 + nodes.length * step - gap;
	const depth = before + (row ? FLOW.boxHigh : FLOW.box) + after + FLOW.margin * 2;
	return { width: row ? length : depth, height: row ? depth : length, nodes: placed, edges: laid };
}

/**
 * Runs a diagram's layout for a guide, with what an editor must fix named after the component:
 * a missing text alternative or a layout error. Returns the layout and an id for the figure.
 * @throws Error like `<Flow caption="…">: arrow 1 names "z", …`.
 */
export function diagramFor<L>(
	component: string,
	caption: string,
	alt: string,
	layout: () => L,
): { layout: L; id: string } {
	const where = `<${component} caption="${caption}">`;
	if (alt.trim().length < 20) throw new Error(`${where}: alt must say what the diagram shows`);
	try {
		const slug = caption
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.slice(0, 40);
		return { layout: layout(), id: `${component.toLowerCase()}-${slug}` };
	} catch (error) {
		throw new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`);
	}
}
