import { describe, expect, it } from 'vitest';
import { layoutBars } from '~/lib/diagrams/bars';
import { diagramFor, layoutFlow, layoutSequence } from '~/lib/diagrams/layout';

describe('sequence diagrams', () => {
	it('puts each actor in a column and each message in a row, in order', () => {
		const layout = layoutSequence(
			['Client', 'API'],
			[
				{ from: 'Client', to: 'API', label: 'POST' },
				{ from: 'API', to: 'Client', label: '202' },
			],
		);
		expect(layout.actors.map((actor) => actor.x)).toEqual([91, 241]);
		expect(layout.arrows.map((arrow) => [arrow.x1, arrow.x2])).toEqual([
			[91, 241],
			[241, 91],
		]);
		expect(layout.arrows[1]!.y).toBeGreaterThan(layout.arrows[0]!.y);
	});

	it('names a message whose actor is missing, so a typo fails the build', () => {
		expect(() => layoutSequence(['Client'], [{ from: 'Client', to: 'Api', label: 'x' }])).toThrow(
			'step 1 names "Api", which is not one of the actors: Client',
		);
	});
});

describe('flow diagrams', () => {
	const nodes = [
		{ id: 'a', label: 'A' },
		{ id: 'b', label: 'B' },
		{ id: 'c', label: 'C' },
	];

	it('lays steps left to right on wide screens and top to bottom on narrow ones', () => {
		const row = layoutFlow(nodes, [{ from: 'a', to: 'b' }], 'row');
		const column = layoutFlow(nodes, [{ from: 'a', to: 'b' }], 'column');
		expect(row.width).toBeGreaterThan(row.height);
		expect(column.height).toBeGreaterThan(column.width);
		expect(column.width).toBeLessThanOrEqual(340); // readable at 360 px without shrinking
	});

	it('draws arrows back as dashed arcs on the other side of the line', () => {
		const layout = layoutFlow(
			nodes,
			[
				{ from: 'a', to: 'b' },
				{ from: 'c', to: 'a', label: 'retry' },
			],
			'row',
		);
		expect(layout.edges.map((edge) => edge.back)).toEqual([false, true]);
		expect(layout.edges[1]!.path).toMatch(/^M.* C/);
	});

	it('names an arrow whose step is missing', () => {
		expect(() => layoutFlow(nodes, [{ from: 'a', to: 'z' }], 'row')).toThrow(
			'arrow 1 names "z", which is not one of the steps: a, b, c',
		);
	});
});

describe('a diagram in a guide', () => {
	it('needs a text alternative, and names the component and caption in any error', () => {
		expect(() => diagramFor('Flow', 'Deploys', 'A box', () => 1)).toThrow(
			'<Flow caption="Deploys">: alt must say what the diagram shows',
		);
		expect(() =>
			diagramFor('Sequence', 'Jobs', 'The client posts a job to the API.', () =>
				layoutSequence(['Client'], [{ from: 'Client', to: 'API', label: 'POST' }]),
			),
		).toThrow('<Sequence caption="Jobs">: step 1 names "API"');
		expect(diagramFor('Flow', 'Deploy pipeline', 'Build, test and release.', () => 1).id).toBe(
			'flow-deploy-pipeline',
		);
	});
});

describe('bar charts', () => {
	const rows = [
		{ label: 'Edge', values: [10, 5] },
		{ label: 'Serverless', values: [30, 0] },
	];

	it('draws every bar on one scale, the longest filling the bar area, and skips empty segments', () => {
		const wide = layoutBars(rows, 'wide');
		const [edge, serverless] = wide.rows;
		const length = (row: typeof edge) => row!.segments.reduce((sum, segment) => sum + segment.w, 0);
		expect(length(edge) * 2).toBeCloseTo(length(serverless));
		expect(serverless!.segments).toHaveLength(1);
		expect(edge!.segments[1]!.x).toBeCloseTo(edge!.segments[0]!.x + edge!.segments[0]!.w);
		expect(edge!.total).toBe(15);
	});

	it('puts labels beside the bars when wide and above them when narrow', () => {
		const wide = layoutBars(rows, 'wide').rows[0]!;
		const narrow = layoutBars(rows, 'narrow').rows[0]!;
		expect(wide.labelY).toBeGreaterThan(wide.segments[0]!.y);
		expect(narrow.labelY).toBeLessThan(narrow.segments[0]!.y);
		expect(layoutBars(rows, 'narrow').width).toBeLessThanOrEqual(360);
	});

	it('names a label too long for the chart and a negative value', () => {
		expect(() => layoutBars([{ label: 'x'.repeat(40), values: [1] }], 'wide')).toThrow(/over 28 characters/);
		expect(() => layoutBars([{ label: 'Refund', values: [-1] }], 'wide')).toThrow(/"Refund".*negative/);
		expect(() => layoutBars([], 'wide')).toThrow(/at least one/);
	});
});
