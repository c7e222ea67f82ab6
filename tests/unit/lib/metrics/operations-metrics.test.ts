import { describe, expect, it } from 'vitest';
import { operationsMetrics } from '~/lib/metrics/operations-metrics';
import { renderPrometheus } from '~/lib/metrics/prometheus';

describe('operations metrics in Prometheus text', () => {
	const text = renderPrometheus(
		operationsMetrics(
			{
				inquiries: [{ status: 'received', count: 2000 }],
				jobs: [
					{ kind: 'crm.sync', state: 'succeeded', count: 1990 },
					{ kind: 'crm.sync', state: 'dead', count: 10 },
				],
				oldestQueuedAt: 40_000,
				deadLetters: { pending: 10, replayed: 3 },
				attempts: [
					{ kind: 'crm.sync', outcome: 'succeeded', count: 1990 },
					{ kind: 'crm.sync', outcome: 'retrying', count: 600 },
					{ kind: 'crm.sync', outcome: 'dead', count: 10 },
				],
				webhookEvents: [{ type: 'lead.created', count: 1990 }],
				database: {
					bytes: 52_000_000,
					limitBytes: 10_000_000_000,
					rows: { inquiries: 2000, heartbeats: 2016 },
				},
			},
			100_000,
		),
	);

	it('writes HELP and TYPE lines and one sample per line', () => {
		expect(text).toContain('# TYPE loadbearing_inquiries_total counter\n');
		expect(text).toContain('loadbearing_inquiries_total{status="received"} 2000\n');
		expect(text).toContain('loadbearing_inquiries_total{status="spam"} 0\n');
		expect(text).toContain('loadbearing_jobs{kind="crm.sync",state="dead"} 10\n');
		expect(text).toContain('loadbearing_dead_jobs 10\n');
		expect(text).toContain('loadbearing_dead_letters{replayed="false"} 10\n');
		expect(text).toContain('loadbearing_oldest_queued_job_age_seconds 60\n');
		expect(text.endsWith('\n')).toBe(true);
	});

	it('counts retried, failed, dead and interrupted attempts as delivery failures', () => {
		expect(text).toContain('loadbearing_delivery_failures_total{kind="crm.sync"} 610\n');
		expect(text).toContain('loadbearing_delivery_attempts_total{kind="crm.sync",outcome="retrying"} 600\n');
	});

	it("reports the database's size against its limit, and the rows of each growing table", () => {
		expect(text).toContain('loadbearing_database_bytes 52000000\n');
		expect(text).toContain('loadbearing_database_limit_bytes 10000000000\n');
		expect(text).toContain('loadbearing_table_rows{table="heartbeats"} 2016\n');
	});

	it('escapes label values', () => {
		const escaped = renderPrometheus([
			{ name: 'm', help: 'h', type: 'gauge', samples: [{ labels: { k: 'a"b\\c\nd' }, value: 1 }] },
		]);
		expect(escaped).toContain('m{k="a\\"b\\\\c\\nd"} 1\n');
	});
});
