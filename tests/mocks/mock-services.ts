// Local stand-ins for the services we do not run: a CRM that takes (and deletes) leads, an email API and
// Turnstile's siteverify (which passes only the dummy token Cloudflare documents for tests).
// They record what they receive, check signatures and keys, treat a repeated Idempotency-Key
// as the same request (as real APIs do), and inject faults on demand through /__control.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { signPayload, verifySignature, SIGNATURE_HEADER } from '../../src/lib/integrations/signature.ts';
import { decideFault, NO_FAULTS, type FaultSettings } from './faults.ts';
import {
	freshUpstreamSettings,
	handleUpstream,
	UPSTREAMS,
	type UpstreamCall,
	type UpstreamName,
	type UpstreamSettings,
} from './upstreams.ts';

/** The token Turnstile's test site keys produce (developers.cloudflare.com/turnstile/troubleshooting/testing/). */
export const TURNSTILE_TEST_TOKEN = 'XXXX.DUMMY.TOKEN.XXXX';

export interface ReceivedCall {
	service: 'crm' | 'email';
	idempotencyKey: string | null;
	/** The W3C trace header the call came with (null without one), so tests can follow a trace. */
	traceparent: string | null;
	body: unknown;
	at: number;
	status: number;
}

/** Any request to a mocked service (not to /__state or /__control), with its trace headers. */
export interface TracedRequest {
	method: string;
	path: string;
	traceparent: string | null;
	tracestate: string | null;
	idempotencyKey: string | null;
}

export interface MockOptions {
	port: number;
	crmSigningSecret: string;
	emailApiKey: string;
	/** Where the CRM sends its signed `lead.created` callbacks, as a real CRM's webhook setting would. */
	crmCallbackUrl?: string;
}

/** One callback the mock CRM sent (or tried to). */
export interface SentCallback {
	eventId: string;
	reference: string;
	/** HTTP status of the last try; null if the site could not be reached. */
	status: number | null;
	tries: number;
}

export interface MockState {
	calls: ReceivedCall[];
	/** Accepted records by idempotency key: one entry per lead or email, however often it was sent. */
	leads: Record<string, unknown>;
	emails: Record<string, unknown>;
	/** Requests that repeated a key already accepted (answered with the first result, not stored twice). */
	repeats: number;
	/** Accepted requests without an idempotency key, which would be duplicates at a real CRM. */
	unkeyed: number;
	faults: Record<'crm' | 'email', FaultSettings>;
	callbacks: SentCallback[];
	/** Lead references the CRM was asked to delete, in order, each once. */
	erasures: string[];
	/** The price watch's upstreams (tests/mocks/upstreams.ts): how each answers, and every call. */
	upstreams: Record<UpstreamName, UpstreamSettings>;
	upstreamCalls: UpstreamCall[];
	/** Every request to a mocked service (CRM, email, Turnstile, upstreams), in order of arrival. */
	traced: TracedRequest[];
}

const read = (request: IncomingMessage) =>
	new Promise<string>((resolve, reject) => {
		let text = '';
		request.setEncoding('utf8');
		request.on('data', (chunk: string) => (text += chunk));
		request.on('end', () => resolve(text));
		request.on('error', reject);
	});

const send = (
	response: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
) => {
	response.writeHead(status, { 'content-type': 'application/json', ...headers });
	response.end(JSON.stringify(body));
};

/** Starts the mock CRM (POST /crm/leads) and email API (POST /email/send) on one port. */
export function startMockServices(
	options: MockOptions,
): Promise<{ server: Server; state: MockState; url: string; stop: () => Promise<void> }> {
	const fresh = (): MockState => ({
		calls: [],
		leads: {},
		emails: {},
		repeats: 0,
		unkeyed: 0,
		faults: { crm: { ...NO_FAULTS }, email: { ...NO_FAULTS } },
		callbacks: [],
		erasures: [],
		upstreams: freshUpstreamSettings(),
		upstreamCalls: [],
		traced: [],
	});
	const state = fresh();

	/** Checks our signature on a call to the CRM, as a real CRM would. */
	const crmSignature = (request: IncomingMessage, text: string) => {
		const header = request.headers[SIGNATURE_HEADER];
		return verifySignature(
			typeof header === 'string' ? header : null,
			text,
			options.crmSigningSecret,
			Math.floor(Date.now() / 1000),
		);
	};

	const handleService = async (
		service: 'crm' | 'email',
		request: IncomingMessage,
		response: ServerResponse,
	) => {
		const text = await read(request);
		const key = request.headers['idempotency-key'];
		const idempotencyKey = typeof key === 'string' ? key : null;
		const traceparent = headerOf(request, 'traceparent');
		const record = (status: number) =>
			state.calls.push({
				service,
				idempotencyKey,
				traceparent,
				body: safeJson(text),
				at: Date.now(),
				status,
			});

		if (service === 'crm') {
			const check = await crmSignature(request, text);
			if (!check.ok) return (record(401), send(response, 401, { error: `signature ${check.reason}` }));
		} else if (request.headers['authorization'] !== `Bearer ${options.emailApiKey}`) {
			return (record(401), send(response, 401, { error: 'bad API key' }));
		}

		const decision = decideFault(state.faults[service], Date.now(), Math.random);
		state.faults[service] = decision.faults;
		if (state.faults[service].latencyMs > 0)
			await new Promise((resolve) => setTimeout(resolve, state.faults[service].latencyMs));
		if (decision.status !== 200) {
			record(decision.status);
			return send(
				response,
				decision.status,
				{ error: 'injected fault' },
				decision.status === 429 ? { 'retry-after': '2' } : {},
			);
		}

		const store = service === 'crm' ? state.leads : state.emails;
		if (idempotencyKey === null) state.unkeyed += 1;
		else if (idempotencyKey in store) state.repeats += 1;
		const id = idempotencyKey ?? `unkeyed-${state.calls.length}`;
		const isNew = !(id in store);
		store[id] ??= safeJson(text);
		record(200);
		if (service === 'crm' && isNew && idempotencyKey && options.crmCallbackUrl)
			void sendLeadCallback(options.crmCallbackUrl, options.crmSigningSecret, idempotencyKey, state);
		send(response, 200, { id: `${service}_${id}` });
	};

	/** A signed request to delete a lead, as a CRM's erasure API takes it: 404 when it has none. */
	const handleErasure = async (request: IncomingMessage, response: ServerResponse) => {
		const text = await read(request);
		const check = await crmSignature(request, text);
		if (!check.ok) return send(response, 401, { error: `signature ${check.reason}` });
		const decision = decideFault(state.faults.crm, Date.now(), Math.random);
		state.faults.crm = decision.faults;
		if (decision.status !== 200) return send(response, decision.status, { error: 'injected fault' });
		const { reference } = (safeJson(text) ?? {}) as { reference?: unknown };
		if (typeof reference !== 'string') return send(response, 400, { error: 'reference is required' });
		if (!state.erasures.includes(reference)) state.erasures.push(reference);
		if (!(reference in state.leads)) return send(response, 404, { error: 'no such lead' });
		delete state.leads[reference];
		send(response, 200, { erased: reference });
	};

	const server = createServer((request, response) => {
		const path = request.url?.split('?')[0];
		if (path !== undefined && !path.startsWith('/__'))
			state.traced.push({
				method: request.method ?? 'GET',
				path,
				traceparent: headerOf(request, 'traceparent'),
				tracestate: headerOf(request, 'tracestate'),
				idempotencyKey: headerOf(request, 'idempotency-key'),
			});
		const work = async () => {
			if (request.method === 'POST' && path === '/crm/leads') return handleService('crm', request, response);
			if (request.method === 'POST' && path === '/crm/erasures') return handleErasure(request, response);
			if (request.method === 'POST' && path === '/email/send')
				return handleService('email', request, response);
			if (request.method === 'POST' && path === '/turnstile/siteverify') {
				const form = new URLSearchParams(await read(request));
				return send(response, 200, { success: form.get('response') === TURNSTILE_TEST_TOKEN });
			}
			if (
				path?.startsWith('/upstreams/') &&
				(await handleUpstream(path, request, response, state.upstreams, state.upstreamCalls))
			)
				return;
			if (request.method === 'GET' && path === '/__state') return send(response, 200, state);
			if (request.method === 'POST' && path === '/__reset')
				return (Object.assign(state, fresh()), send(response, 200, { ok: true }));
			if (request.method === 'POST' && path?.startsWith('/__control/upstreams/')) {
				const name = path.slice('/__control/upstreams/'.length);
				if (!(name in UPSTREAMS))
					return send(response, 404, { error: `upstreams are ${Object.keys(UPSTREAMS).join(', ')}` });
				const upstream = name as UpstreamName;
				state.upstreams[upstream] = withPatch(state.upstreams[upstream], safeJson(await read(request)));
				return send(response, 200, state.upstreams[upstream]);
			}
			if (request.method === 'POST' && path?.startsWith('/__control/')) {
				const service = path.slice('/__control/'.length);
				if (service !== 'crm' && service !== 'email')
					return send(response, 404, { error: 'use /__control/crm or /__control/email' });
				state.faults[service] = withPatch(state.faults[service], safeJson(await read(request)));
				return send(response, 200, state.faults[service]);
			}
			send(response, 404, { error: 'not found' });
		};
		work().catch((error: unknown) => send(response, 500, { error: String(error) }));
	});

	return new Promise((resolve) => {
		server.listen(options.port, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : options.port;
			resolve({
				server,
				state,
				url: `http://127.0.0.1:${port}`,
				stop: () => new Promise((done) => server.close(() => done())),
			});
		});
	});
}

/** Settings changed by a control request; `outageForMs` starts an outage of that length now. */
function withPatch<Settings extends FaultSettings>(current: Settings, patch: unknown): Settings {
	const { outageForMs, ...settings } = (patch ?? {}) as Partial<Settings> & { outageForMs?: number };
	const next = { ...current, ...settings };
	if (outageForMs !== undefined) next.outage = { from: Date.now(), until: Date.now() + outageForMs };
	return next;
}

/** One request header as a string; null when absent (or, oddly, repeated). */
function headerOf(request: IncomingMessage, name: string): string | null {
	const value = request.headers[name];
	return typeof value === 'string' ? value : null;
}

function safeJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * Tells the site, a moment after accepting a lead, that the lead exists and what its CRM id is,
 * signed like our outbound calls. Like real CRMs it tries again (three times in all) on failure.
 */
async function sendLeadCallback(url: string, secret: string, reference: string, state: MockState) {
	const callback: SentCallback = {
		eventId: `evt_${randomUUID().replace(/-/g, '')}`,
		reference,
		status: null,
		tries: 0,
	};
	state.callbacks.push(callback);
	const body = JSON.stringify({
		id: callback.eventId,
		type: 'lead.created',
		occurredAt: new Date().toISOString(),
		data: { reference, leadId: `lead_${reference.slice(-8)}` },
	});
	for (let attempt = 1; attempt <= 3; attempt++) {
		await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
		callback.tries = attempt;
		try {
			const response = await fetch(url, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					[SIGNATURE_HEADER]: await signPayload(secret, Math.floor(Date.now() / 1000), body),
				},
				body,
			});
			callback.status = response.status;
			if (response.ok || response.status === 409) return;
		} catch {
			callback.status = null;
		}
	}
}
