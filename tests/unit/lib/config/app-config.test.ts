import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '~/lib/config/app-config';

const valid = {
	QUEUE_STALE_AFTER_SECONDS: '900',
	HEARTBEAT_MIN_INTERVAL_SECONDS: '10',
};

describe('parseAppConfig', () => {
	it('turns the string vars into typed settings in milliseconds', () => {
		expect(parseAppConfig(valid)).toEqual({
			queueStaleAfterMs: 900_000,
			heartbeatMinIntervalMs: 10_000,
		});
	});

	it('ignores bindings and unrelated variables', () => {
		expect(() => parseAppConfig({ ...valid, DB: {}, OTHER: 'x' })).not.toThrow();
	});

	it('names the variable and the expected format when a value is wrong', () => {
		expect(() => parseAppConfig({ ...valid, QUEUE_STALE_AFTER_SECONDS: '15m' })).toThrow(
			/QUEUE_STALE_AFTER_SECONDS: expected a whole number of seconds/,
		);
	});

	it('names a missing variable', () => {
		const { HEARTBEAT_MIN_INTERVAL_SECONDS: _omitted, ...rest } = valid;
		expect(() => parseAppConfig(rest)).toThrow(/HEARTBEAT_MIN_INTERVAL_SECONDS/);
	});
});
