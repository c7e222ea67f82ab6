// The trace a piece of work belongs to, held for the length of one request, one queue message or
// one cron run, so that every log line and every outbound call inside it can name it without the
// ids being passed through each function. AsyncLocalStorage (node:async_hooks, available with the
// nodejs_compat flag: developers.cloudflare.com/workers/runtime-apis/nodejs/asynclocalstorage/)
// follows the work across awaits, and keeps side-by-side queue messages apart.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
	childTraceContext,
	continueOrStartTrace,
	formatTraceparent,
	parseTraceparent,
	startTraceContext,
	TRACEPARENT_HEADER,
	TRACESTATE_HEADER,
	type RandomHex,
	type TraceContext,
} from '~/lib/observability/trace-context';

/** One unit of work and where it sits in its trace. */
export interface WorkScope {
	/** This work's own span: its parentId is the parent of every call the work makes. */
	trace: TraceContext;
	/** The caller's tracestate, passed on unchanged with a traceparent we continued; null otherwise. */
	traceState: string | null;
	/** The request being served, or, in a job, the request that recorded the job; null for cron work. */
	requestId: string | null;
	/** The job whose message is being handled; null outside the queue consumer. */
	jobId: string | null;
}

const scopes = new AsyncLocalStorage<WorkScope>();

/** Cryptographically random bytes as lowercase hex, for trace and span ids. */
export const randomHex: RandomHex = (bytes) =>
	[...crypto.getRandomValues(new Uint8Array(bytes))]
		.map((byte) => byte.toString(16).padStart(2, '0'))
		.join('');

/** Runs `work` as `scope`: its log lines and outbound calls carry the scope's ids. */
export function runInScope<T>(scope: WorkScope, work: () => T): T {
	return scopes.run(scope, work);
}

/** The scope of the work running now, if any (none at build time or in unit tests that set none). */
export function currentScope(): WorkScope | undefined {
	return scopes.getStore();
}

/**
 * The scope of an incoming request: it continues the caller's trace when its `traceparent` is
 * valid, and otherwise starts a new one (a malformed header is dropped, with its tracestate, as
 * the spec says: https://www.w3.org/TR/trace-context/#tracestate-header).
 */
export function requestScope(headers: Headers, requestId: string): WorkScope {
	const caller = parseTraceparent(headers.get(TRACEPARENT_HEADER));
	return {
		trace: caller ? childTraceContext(caller, randomHex) : startTraceContext(randomHex),
		traceState: caller ? headers.get(TRACESTATE_HEADER) : null,
		requestId,
		jobId: null,
	};
}

/**
 * The scope of a queue message's job: a new span in the trace of the work that recorded the job
 * (`origin`, stored with it), or a new trace when it has none (a heartbeat, a job recorded before
 * jobs remembered their trace).
 */
export function jobScope(job: { jobId: string | null } & Partial<JobOrigin>): WorkScope {
	return {
		trace: continueOrStartTrace(job.traceparent, randomHex),
		traceState: null,
		requestId: job.requestId ?? null,
		jobId: job.jobId,
	};
}

/** The scope of a cron run: a trace of its own, which the jobs it records keep. */
export function cronScope(): WorkScope {
	return { trace: startTraceContext(randomHex), traceState: null, requestId: null, jobId: null };
}

/** What a job remembers of the work that recorded it (columns of the jobs table, migration 0009). */
export interface JobOrigin {
	/** The recording work's span, as a traceparent; the job's calls become its children. */
	traceparent: string | null;
	requestId: string | null;
}

/** The origin to store with a job recorded now. */
export function jobOrigin(): JobOrigin {
	const scope = currentScope();
	return {
		traceparent: scope ? formatTraceparent(scope.trace) : null,
		requestId: scope?.requestId ?? null,
	};
}

/**
 * The trace headers for one outbound call: a new span in the current trace (a fresh parent id per
 * call, so each attempt is its own span), or a trace of its own when no scope is set.
 */
export function outboundTraceHeaders(): Record<string, string> {
	const scope = currentScope();
	const call = scope ? childTraceContext(scope.trace, randomHex) : startTraceContext(randomHex);
	return {
		[TRACEPARENT_HEADER]: formatTraceparent(call),
		...(scope?.traceState ? { [TRACESTATE_HEADER]: scope.traceState } : {}),
	};
}

/**
 * `fetch` for every call to a service outside the Worker (CRM, email API, Turnstile, price
 * upstreams): the same request, with the current trace's headers set on it. Cloudflare's own
 * tracing does not add them to calls that leave Cloudflare (docs/operations.md, Traces).
 */
export const tracedFetch: typeof fetch = (input, init) => {
	const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
	for (const [name, value] of Object.entries(outboundTraceHeaders())) headers.set(name, value);
	return fetch(input, { ...init, headers });
};

/** The ids a log line gets from the current scope; only those that are set. */
export function scopeLogFields(): { requestId?: string; traceId?: string; jobId?: string } {
	const scope = currentScope();
	if (!scope) return {};
	return {
		...(scope.requestId ? { requestId: scope.requestId } : {}),
		traceId: scope.trace.traceId,
		...(scope.jobId ? { jobId: scope.jobId } : {}),
	};
}

/**
 * Writes one structured log line for Workers Logs, with the request, trace and job ids of the
 * current scope added. Ids the line already names are kept as the line has them.
 */
export function writeLog(line: Record<string, unknown>): void {
	console.log(JSON.stringify({ ...scopeLogFields(), ...line }));
}
