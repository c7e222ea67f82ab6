import { readFileSync } from 'node:fs';
import { parser } from '@prometheus-io/lezer-promql';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { TEST_SECRETS } from './global-setup';
import { url } from './http';

// The alert rules and dashboard in docs/monitoring, against what the running Worker exports: an
// alert on a metric that does not exist never fires, which is worse than no alert.
const file = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

interface Rule {
	alert?: string;
	record?: string;
	expr: string;
	labels?: Record<string, string>;
	annotations?: Record<string, string>;
}
const rules = (
	parse(file('docs/monitoring/alerts.yml')) as { groups: { name: string; rules: Rule[] }[] }
).groups.flatMap((group) => group.rules);
const dashboard = JSON.parse(file('docs/monitoring/dashboard.json')) as {
	panels: { title: string; targets: { expr: string }[] }[];
};
const expressions = [
	...rules.map((rule) => ({ where: rule.alert ?? rule.record ?? '?', expr: rule.expr })),
	...dashboard.panels.flatMap((panel) =>
		panel.targets.map((target) => ({ where: panel.title, expr: target.expr })),
	),
];

/** The metric names an expression selects, or the place it does not parse. */
function selectedMetrics(expr: string): { metrics: string[]; error: string | null } {
	const metrics: string[] = [];
	let error: string | null = null;
	parser.parse(expr).iterate({
		enter(node) {
			if (node.type.isError)
				error ??= `does not parse at ${JSON.stringify(expr.slice(node.from, node.from + 20))}`;
			if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector')
				metrics.push(expr.slice(node.from, node.to));
		},
	});
	return { metrics, error };
}

describe('alerts and dashboard as code', () => {
	it('parse as PromQL and select only metrics the Worker exports or the rules record', async () => {
		const response = await fetch(url('/api/metrics'), {
			headers: { authorization: `Bearer ${TEST_SECRETS.metrics}` },
		});
		expect(response.status).toBe(200);
		const exported = new Set(
			[...(await response.text()).matchAll(/^# TYPE (\S+) /gm)].map((match) => match[1]),
		);
		const recorded = new Set(rules.flatMap((rule) => (rule.record ? [rule.record] : [])));
		expect(exported.size).toBeGreaterThan(10);

		const problems = expressions.flatMap(({ where, expr }) => {
			const { metrics, error } = selectedMetrics(expr);
			return [
				...(error ? [`${where}: ${error}`] : []),
				...metrics
					.filter((name) => !exported.has(name) && !recorded.has(name))
					.map((name) => `${where}: ${name} is neither exported nor recorded`),
			];
		});
		expect(problems).toEqual([]);
	});

	it('gives every alert a severity and a runbook entry in docs/operations.md', () => {
		const runbook = file('docs/operations.md');
		const alerts = rules.filter((rule) => rule.alert);
		expect(alerts.length).toBeGreaterThanOrEqual(10);
		for (const rule of alerts) {
			expect(['page', 'ticket'], rule.alert).toContain(rule.labels?.severity);
			expect(rule.annotations?.runbook_url, rule.alert).toBe(
				`docs/operations.md#${rule.alert!.toLowerCase()}`,
			);
			expect(runbook, rule.alert).toContain(`\n### ${rule.alert}\n`);
		}
	});

	it('catches a metric name that is wrong', () => {
		expect(selectedMetrics('loadbearing_dead_job > 0').metrics).toEqual(['loadbearing_dead_job']);
		expect(selectedMetrics('rate(loadbearing_jobs[5m]').error).toMatch(/does not parse/);
	});
});
