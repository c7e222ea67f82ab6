import type { AppConfig } from '~/lib/config/app-config';
import { classifyResponse, type DeliveryOutcome } from '~/lib/integrations/classify-response';
import { errorCodeForStatus, type JobErrorCode } from '~/lib/jobs/job-errors';
import { signPayload, SIGNATURE_HEADER } from '~/lib/integrations/signature';
import { SITE } from '~/lib/site';
import type { InquiryRecord } from '../db/inquiries-repo';

/** How one delivery attempt went. */
export interface DeliveryResult {
	outcome: DeliveryOutcome;
	/** Short, safe description for the job's last_error (no secrets, no response bodies). */
	error: string | null;
	/** Why it did not succeed, as a code with a visitor-safe message (null on success). */
	code: JobErrorCode | null;
}

/** The inquiry as the CRM receives it (no IP hash, no internal state). */
const leadPayload = (inquiry: InquiryRecord) => ({
	id: inquiry.id,
	createdAt: new Date(inquiry.createdAt).toISOString(),
	name: inquiry.name,
	email: inquiry.email,
	company: inquiry.company,
	projectType: inquiry.projectType,
	budget: inquiry.budget,
	timeline: inquiry.timeline,
	message: inquiry.message,
	// The stack estimate the visitor attached, as a link the team can open (null when none).
	estimateUrl: inquiry.estimate ? `${SITE.url}/tools/estimate?${inquiry.estimate}` : null,
});

async function post(
	url: string,
	body: string,
	headers: Record<string, string>,
	timeoutMs: number,
	fetcher: typeof fetch,
	/** For a delete: 404 says the thing is already gone, which is the goal. */
	notFoundIsDone = false,
): Promise<DeliveryResult> {
	try {
		const response = await fetcher(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
			// A redirect would re-send the signed lead (and our key) to wherever it points: refuse it.
			redirect: 'manual',
			signal: AbortSignal.timeout(timeoutMs),
		});
		const outcome = notFoundIsDone && response.status === 404 ? 'success' : classifyResponse(response.status);
		if (outcome === 'success') return { outcome, error: null, code: null };
		return {
			outcome,
			error: `HTTP ${response.status} from ${new URL(url).host}`,
			code: errorCodeForStatus(response.status),
		};
	} catch (error) {
		const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
		return {
			outcome: classifyResponse(null),
			error: timedOut
				? `No answer from ${new URL(url).host} within ${timeoutMs} ms`
				: `Could not reach ${new URL(url).host}`,
			code: timedOut ? 'timeout' : 'unreachable',
		};
	}
}

/**
 * Sends an inquiry to the CRM: signed JSON with the inquiry id as Idempotency-Key, so a retry
 * can never create a second lead.
 */
export async function syncToCrm(
	inquiry: InquiryRecord,
	config: AppConfig,
	now: number,
	fetcher: typeof fetch,
): Promise<DeliveryResult> {
	const { url, signingSecret } = config.crm;
	if (!url || !signingSecret)
		return {
			outcome: 'permanent-failure',
			error: 'CRM_WEBHOOK_URL and CRM_SIGNING_SECRET are not both configured',
			code: 'not_configured',
		};
	const body = JSON.stringify(leadPayload(inquiry));
	const signature = await signPayload(signingSecret, Math.floor(now / 1000), body);
	return post(
		url,
		body,
		{ 'idempotency-key': inquiry.id, [SIGNATURE_HEADER]: signature },
		config.jobs.outboundTimeoutMs,
		fetcher,
	);
}

/**
 * Asks the CRM to delete the lead made from inquiry `inquiryId` (a person's erasure request):
 * signed JSON naming our reference, keyed so a retry is one request. A 404 means the CRM never
 * had the lead or has already deleted it, which is what we asked for.
 */
export async function eraseFromCrm(
	inquiryId: string,
	config: AppConfig,
	now: number,
	fetcher: typeof fetch,
): Promise<DeliveryResult> {
	const { eraseUrl, signingSecret } = config.crm;
	if (!eraseUrl || !signingSecret)
		return {
			outcome: 'permanent-failure',
			error: 'CRM_ERASE_URL and CRM_SIGNING_SECRET are not both configured',
			code: 'not_configured',
		};
	const body = JSON.stringify({ reference: inquiryId, reason: 'erasure-request' });
	const signature = await signPayload(signingSecret, Math.floor(now / 1000), body);
	return post(
		eraseUrl,
		body,
		{ 'idempotency-key': `${inquiryId}:erase`, [SIGNATURE_HEADER]: signature },
		config.jobs.outboundTimeoutMs,
		fetcher,
		true,
	);
}

/**
 * Sends the team an email through the email API, keyed so a retried send is one email; a
 * permanent failure when the API is not configured.
 */
function emailTeam(
	message: { subject: string; text: string },
	idempotencyKey: string,
	config: AppConfig,
	fetcher: typeof fetch,
): Promise<DeliveryResult> {
	const { url, apiKey, notifyTo } = config.email;
	if (!url || !apiKey || !notifyTo)
		return Promise.resolve({
			outcome: 'permanent-failure',
			error: 'EMAIL_API_URL, EMAIL_API_KEY and NOTIFY_EMAIL_TO are not all configured',
			code: 'not_configured',
		});
	return post(
		url,
		JSON.stringify({ to: notifyTo, ...message }),
		{ authorization: `Bearer ${apiKey}`, 'idempotency-key': idempotencyKey },
		config.jobs.outboundTimeoutMs,
		fetcher,
	);
}

/** Tells the team about a new inquiry through the email API, once (keyed by inquiry). */
export async function notifyTeam(
	inquiry: InquiryRecord,
	config: AppConfig,
	fetcher: typeof fetch,
): Promise<DeliveryResult> {
	return emailTeam(
		{
			subject: `New inquiry ${inquiry.id}: ${inquiry.projectType}, ${inquiry.budget}`,
			text: `${inquiry.name ?? '(redacted)'} <${inquiry.email ?? '(redacted)'}>${inquiry.company ? ` at ${inquiry.company}` : ''}\n\n${inquiry.message ?? ''}`,
		},
		`${inquiry.id}:notify`,
		config,
		fetcher,
	);
}

/** One difference the price watch found, as the team is told of it. */
export interface DriftNotice {
	id: string;
	kind: string;
	item: string;
	field: string;
	ours: string;
	theirs: string;
	upstreamUrl: string;
}

/**
 * Tells the team through the email API that a price sheet's upstream differs from it. Keyed by
 * the differences it reports, so a retried send is one email, and each difference is sent once
 * (the price watch marks it notified).
 */
export async function notifyPriceDrift(
	sheet: { id: string; provider: string; name: string },
	drift: readonly DriftNotice[],
	config: AppConfig,
	fetcher: typeof fetch,
): Promise<DeliveryResult> {
	const shown = (value: string) => value || '(none)';
	const lines = drift.map(
		(difference) =>
			`- ${difference.item}, ${difference.field}: ours ${shown(difference.ours)}, theirs ${shown(difference.theirs)} (${difference.upstreamUrl})`,
	);
	const ids = drift.map((difference) => difference.id).sort();
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(ids.join('\n')));
	const key = [...new Uint8Array(digest).slice(0, 16)]
		.map((byte) => byte.toString(16).padStart(2, '0'))
		.join('');
	return emailTeam(
		{
			subject: `Prices under review: ${sheet.provider} ${sheet.name} (${drift.length} ${drift.length === 1 ? 'difference' : 'differences'})`,
			text: `The price watch found what content/pricing/${sheet.id}.yaml does not say:\n\n${lines.join('\n')}\n\nReview them at ${SITE.url}/admin/prices and fix the sheet or acknowledge them.`,
		},
		`price-drift:${sheet.id}:${key}`,
		config,
		fetcher,
	);
}
