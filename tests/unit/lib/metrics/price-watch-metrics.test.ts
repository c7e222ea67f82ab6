import { describe, expect, it } from 'vitest';
import { priceWatchMetrics } from '~/lib/metrics/price-watch-metrics';
import { renderPrometheus } from '~/lib/metrics/prometheus';

describe('priceWatchMetrics', () => {
	const now = Date.parse('2026-11-30T12:00:00Z');
	const text = renderPrometheus(
		priceWatchMetrics(
			[
				{ sheet: 'llm-anthropic', status: 'drift', openDrift: 2, checkedAt: now - 90_000, manual: false },
				{ sheet: 'aws-s3', status: 'unchecked', openDrift: 0, checkedAt: null, manual: false },
				{ sheet: 'database-planetscale-postgres', status: 'ok', openDrift: 0, checkedAt: null, manual: true },
			],
			now,
		),
	);

	it('reports open drift and check age per sheet, a never-checked sheet as +Inf', () => {
		expect(text).toContain('loadbearing_price_sheet_drift{sheet="llm-anthropic"} 2');
		expect(text).toContain('loadbearing_price_sheet_check_age_seconds{sheet="llm-anthropic"} 90');
		expect(text).toContain('loadbearing_price_sheet_check_age_seconds{sheet="aws-s3"} +Inf');
		expect(text).not.toContain('check_age_seconds{sheet="database-planetscale-postgres"}');
	});

	it('gives each sheet exactly one status', () => {
		expect(text).toContain('loadbearing_price_sheet_status{sheet="llm-anthropic",status="drift"} 1');
		expect(text).toContain('loadbearing_price_sheet_status{sheet="llm-anthropic",status="ok"} 0');
		expect(text.match(/price_sheet_status\{sheet="aws-s3",status="[a-z-]+"\} 1/g)).toHaveLength(1);
	});
});
