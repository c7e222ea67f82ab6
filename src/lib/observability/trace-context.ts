// W3C Trace Context Level 1, the `traceparent` header (https://www.w3.org/TR/trace-context/,
// section 3.2): "version-trace_id-parent_id-trace_flags" in lowercase hex. Only what this site
// needs: read a caller's header, start a trace, and name a new span within one.

/** Header that carries the trace to the next service (lowercase, as the spec asks senders to write it). */
export const TRACEPARENT_HEADER = 'traceparent';

/** Vendor-specific companion header; forwarded as received, only alongside a traceparent we accepted. */
export const TRACESTATE_HEADER = 'tracestate';

/** Where one unit of work sits in a distributed trace. */
export interface TraceContext {
	/** 32 lowercase hex digits, the same in every service the trace passes through. */
	traceId: string;
	/** 16 lowercase hex digits: the span of the sender, which the receiver records as its parent. */
	parentId: string;
	/** Whether the sender may have recorded the trace (bit 0 of trace-flags, "sampled"). */
	sampled: boolean;
}

const VERSION_00_LENGTH = 55;
const HEX_LC = /^[0-9a-f]+$/;
const isHex = (text: string, length: number) => text.length === length && HEX_LC.test(text);
const isAllZeros = (text: string) => /^0+$/.test(text);

/**
 * Reads a `traceparent` value, or null when it must be ignored (and the trace restarted). Version
 * 00 must be exactly the four fields. A higher version is read as 00 from its first 55
 * characters when what follows is a new field, as the spec's "Versioning of traceparent" says;
 * version ff is forbidden. Ids of all zeros, uppercase hex and wrong lengths are refused.
 * @example parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')?.sampled // => true
 * @example parseTraceparent('00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01') // => null
 */
export function parseTraceparent(value: string | null | undefined): TraceContext | null {
	if (!value) return null;
	const header = value.trim();
	const version = header.slice(0, 2);
	if (!isHex(version, 2) || header[2] !== '-' || version === 'ff') return null;
	if (version === '00' ? header.length !== VERSION_00_LENGTH : header.length < VERSION_00_LENGTH) return null;
	// Future versions may append fields, each after a dash; nothing after them is read.
	if (header.length > VERSION_00_LENGTH && header[VERSION_00_LENGTH] !== '-') return null;
	const [, traceId = '', parentId = '', flags = ''] = header.slice(0, VERSION_00_LENGTH).split('-');
	if (!isHex(traceId, 32) || isAllZeros(traceId)) return null;
	if (!isHex(parentId, 16) || isAllZeros(parentId)) return null;
	if (!isHex(flags, 2)) return null;
	return { traceId, parentId, sampled: (parseInt(flags, 16) & 0x01) === 0x01 };
}

/**
 * Writes a context as a version 00 `traceparent`. Only the sampled flag is written: the spec
 * reserves the other bits and tells vendors to set them to zero.
 * @example formatTraceparent({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentId: '00f067aa0ba902b7', sampled: false }) // => '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00'
 */
export function formatTraceparent(context: TraceContext): string {
	return `00-${context.traceId}-${context.parentId}-${context.sampled ? '01' : '00'}`;
}

/** Random bytes as lowercase hex; the caller supplies the randomness (crypto.getRandomValues). */
export type RandomHex = (bytes: number) => string;

/**
 * A new span in the same trace: same trace id and sampled flag, a fresh parent id. This is what
 * a service puts on each call it makes, so the receiver sees that call as its parent.
 */
export function childTraceContext(parent: TraceContext, randomHex: RandomHex): TraceContext {
	return { traceId: parent.traceId, parentId: nonZeroHex(8, randomHex), sampled: parent.sampled };
}

/**
 * A trace this site starts itself (no usable caller header, or a cron run). Not sampled: the spec
 * suggests 0 as the default for a component that starts a trace without recording it, and
 * Cloudflare's own sampling decides what it records.
 */
export function startTraceContext(randomHex: RandomHex): TraceContext {
	return { traceId: nonZeroHex(16, randomHex), parentId: nonZeroHex(8, randomHex), sampled: false };
}

/**
 * The context for work caused by a request carrying `incoming`: a new span in the caller's
 * trace when its header is valid, otherwise a new trace (a malformed header is never passed on).
 */
export function continueOrStartTrace(
	incoming: string | null | undefined,
	randomHex: RandomHex,
): TraceContext {
	const parent = parseTraceparent(incoming);
	return parent ? childTraceContext(parent, randomHex) : startTraceContext(randomHex);
}

// All zeros is the one invalid id; a random source could, very rarely, produce it.
function nonZeroHex(bytes: number, randomHex: RandomHex): string {
	for (;;) {
		const hex = randomHex(bytes);
		if (!isAllZeros(hex)) return hex;
	}
}
