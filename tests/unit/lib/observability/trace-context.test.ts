import { describe, expect, it } from 'vitest';
import {
	childTraceContext,
	continueOrStartTrace,
	formatTraceparent,
	parseTraceparent,
	startTraceContext,
} from '~/lib/observability/trace-context';

// The spec's own examples (https://www.w3.org/TR/trace-context/#examples-of-http-traceparent-headers).
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const SAMPLED = `00-${TRACE_ID}-${PARENT_ID}-01`;

/** Deterministic "random" hex: a counter, so each id differs and none is all zeros. */
function counterHex() {
	let next = 1;
	return (bytes: number) => (next++).toString(16).padStart(bytes * 2, '0');
}

describe('parseTraceparent', () => {
	it('reads the trace id, the caller span and the sampled flag', () => {
		expect(parseTraceparent(SAMPLED)).toEqual({ traceId: TRACE_ID, parentId: PARENT_ID, sampled: true });
		expect(parseTraceparent(`00-${TRACE_ID}-${PARENT_ID}-00`)?.sampled).toBe(false);
	});

	it('reads the sampled bit alone from flags with other bits set', () => {
		expect(parseTraceparent(`00-${TRACE_ID}-${PARENT_ID}-09`)?.sampled).toBe(true);
		expect(parseTraceparent(`00-${TRACE_ID}-${PARENT_ID}-fe`)?.sampled).toBe(false);
	});

	it.each([
		['nothing', ''],
		['uppercase hex', `00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01`],
		['an all-zero trace id', `00-${'0'.repeat(32)}-${PARENT_ID}-01`],
		['an all-zero parent id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
		['a short trace id', `00-${TRACE_ID.slice(1)}-${PARENT_ID}-01`],
		['a long parent id', `00-${TRACE_ID}-${PARENT_ID}0-01`],
		['non-hex flags', `00-${TRACE_ID}-${PARENT_ID}-0x`],
		['version ff', `ff-${TRACE_ID}-${PARENT_ID}-01`],
		['a version that is not hex', `0g-${TRACE_ID}-${PARENT_ID}-01`],
		['version 00 with a field after the flags', `${SAMPLED}-what`],
		['version 00 with anything after the flags', `${SAMPLED}x`],
		['underscores for dashes', `00_${TRACE_ID}_${PARENT_ID}_01`],
		['a request id', 'req-1234-abcd'],
	])('refuses %s', (_, value) => {
		expect(parseTraceparent(value)).toBeNull();
	});

	it('reads a future version as version 00 when its extra fields follow a dash', () => {
		expect(parseTraceparent(`cc-${TRACE_ID}-${PARENT_ID}-01-what-the-future-holds`)).toEqual({
			traceId: TRACE_ID,
			parentId: PARENT_ID,
			sampled: true,
		});
		expect(parseTraceparent(`cc-${TRACE_ID}-${PARENT_ID}-01`)?.traceId).toBe(TRACE_ID);
	});

	it('refuses a future version shorter than version 00, or with flags run into more text', () => {
		expect(parseTraceparent(`cc-${TRACE_ID}-${PARENT_ID}-1`)).toBeNull();
		expect(parseTraceparent(`cc-${TRACE_ID}-${PARENT_ID}-01.1`)).toBeNull();
	});
});

describe('formatTraceparent', () => {
	it('writes version 00 and round-trips with parseTraceparent', () => {
		expect(formatTraceparent({ traceId: TRACE_ID, parentId: PARENT_ID, sampled: true })).toBe(SAMPLED);
		const context = parseTraceparent(`00-${TRACE_ID}-${PARENT_ID}-00`);
		expect(context && formatTraceparent(context)).toBe(`00-${TRACE_ID}-${PARENT_ID}-00`);
	});

	it('writes a future version back as version 00 without its unknown fields', () => {
		const context = parseTraceparent(`cc-${TRACE_ID}-${PARENT_ID}-01-extra`);
		expect(context && formatTraceparent(context)).toBe(SAMPLED);
	});
});

describe('childTraceContext', () => {
	it('keeps the trace id and the sampled flag, with a new span id each time', () => {
		const parent = { traceId: TRACE_ID, parentId: PARENT_ID, sampled: true };
		const random = counterHex();
		const first = childTraceContext(parent, random);
		const second = childTraceContext(parent, random);
		expect(first).toEqual({ traceId: TRACE_ID, parentId: '0000000000000001', sampled: true });
		expect(second.parentId).not.toBe(first.parentId);
		expect(second.traceId).toBe(TRACE_ID);
	});

	it('never uses an all-zero span id, even if the random source gives one', () => {
		const values = ['0000000000000000', 'abcdefabcdefabcd'];
		const child = childTraceContext({ traceId: TRACE_ID, parentId: PARENT_ID, sampled: false }, () =>
			String(values.shift()),
		);
		expect(child.parentId).toBe('abcdefabcdefabcd');
	});
});

describe('startTraceContext', () => {
	it('starts an unsampled trace that parses as valid', () => {
		const started = startTraceContext(counterHex());
		expect(started).toEqual({
			traceId: '00000000000000000000000000000001',
			parentId: '0000000000000002',
			sampled: false,
		});
		expect(parseTraceparent(formatTraceparent(started))).toEqual(started);
	});
});

describe('continueOrStartTrace', () => {
	it("continues a caller's trace under a new span", () => {
		const context = continueOrStartTrace(SAMPLED, counterHex());
		expect(context.traceId).toBe(TRACE_ID);
		expect(context.parentId).not.toBe(PARENT_ID);
		expect(context.sampled).toBe(true);
	});

	it('starts a new trace when the header is missing or malformed, never passing the bad one on', () => {
		expect(continueOrStartTrace(null, counterHex()).traceId).toBe('00000000000000000000000000000001');
		const replaced = continueOrStartTrace(`00-${TRACE_ID.toUpperCase()}-${PARENT_ID}-01`, counterHex());
		expect(replaced.traceId).not.toBe(TRACE_ID);
		expect(replaced.traceId).not.toBe(TRACE_ID.toUpperCase());
	});
});
