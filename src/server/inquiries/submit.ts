import type { AppConfig } from '~/lib/config/app-config';
import { formTokenAge } from '~/lib/inquiries/form-token';
import { hashClientIp } from '~/lib/inquiries/ip-hash';
import { inquiryErrors, InquiryInputSchema, type InquiryInput } from '~/lib/inquiries/schema';
import { formToInquiry } from '~/lib/inquiries/request-body';
import { judgeSpam, SPAM_FIELDS } from '~/lib/inquiries/spam';
import type { InquiryRecord } from '../db/inquiries-repo';
import { acceptInquiry, type AcceptDeps } from './accept';
import { verifyTurnstile } from '../integrations/turnstile';
import type { RateLimitsRepo } from '../db/rate-limits-repo';
import { clientKey, takeRateLimits, type KeyedLimit } from '../http/rate-limit';

/** A contact-form post as a submission: the inquiry fields plus the spam-check ones. */
export function formSubmission(form: URLSearchParams, clientIp: string | null): Submission {
	return {
		raw: formToInquiry(form),
		honeypot: form.get(SPAM_FIELDS.honeypot) ?? '',
		formToken: form.get(SPAM_FIELDS.formToken),
		turnstileToken: form.get(SPAM_FIELDS.turnstile),
		idempotencyKey: form.get('idempotencyKey'),
		clientIp,
	};
}

/**
 * A JSON inquiry as a submission. It carries the same spam-check fields as the form, under the
 * same names, so the API passes the same checks; they are taken out before the inquiry is
 * validated.
 */
export function jsonSubmission(body: Record<string, unknown>, clientIp: string | null): Submission {
	const {
		[SPAM_FIELDS.honeypot]: honeypot,
		[SPAM_FIELDS.formToken]: formToken,
		[SPAM_FIELDS.turnstile]: turnstile,
		...raw
	} = body;
	const text = (value: unknown) => (typeof value === 'string' ? value : null);
	return {
		raw,
		honeypot: text(honeypot) ?? (honeypot === undefined ? '' : 'not text'),
		formToken: text(formToken),
		turnstileToken: text(turnstile),
		idempotencyKey: null,
		clientIp,
	};
}

/** One submission as it arrived, from the JSON API or the contact form. */
export interface Submission {
	raw: unknown;
	/** The hidden field people leave empty and bots fill. */
	honeypot: string;
	formToken: string | null;
	turnstileToken: string | null;
	idempotencyKey: string | null;
	clientIp: string | null;
}

/** What is wrong with a submission, by field. */
type InvalidErrors = Partial<Record<keyof InquiryInput | 'form', string>>;

export type SubmissionResult =
	| { kind: 'accepted'; inquiry: InquiryRecord; created: boolean }
	| { kind: 'invalid'; errors: InvalidErrors }
	| { kind: 'rate-limited'; retryAfterSeconds: number }
	/** The site-wide ceiling is reached: everyone waits a moment. */
	| { kind: 'busy'; retryAfterSeconds: number };

export interface SubmissionDeps extends Omit<AcceptDeps, 'maxAttempts'> {
	config: AppConfig;
	/** Prices an attached estimate: its canonical query string, or what is wrong with it. */
	checkEstimate: (text: string) => Promise<{ query: string } | { error: string }>;
	limits: Pick<RateLimitsRepo, 'incrementStatement'>;
	/** For the Turnstile check; the services give it the request's trace headers (tracedFetch). */
	fetcher: typeof fetch;
}

/**
 * Rate-limits, validates and screens a submission, then accepts it. Spam gets the same answer
 * as a real inquiry (so bots learn nothing) but is stored as spam and never forwarded.
 */
export async function submitInquiry(submission: Submission, deps: SubmissionDeps): Promise<SubmissionResult> {
	const { spam: settings } = deps.config;
	const ipHash =
		submission.clientIp && settings.ipHashSalt
			? await hashClientIp(submission.clientIp, settings.ipHashSalt)
			: null;
	// Every request counts, retries with an idempotency key and invalid ones too: first against
	// the client's limit, then against the ceiling for everyone together.
	const limits: KeyedLimit[] = [
		{
			key: await clientKey('inquiry', submission.clientIp, settings.ipHashSalt),
			max: settings.rateLimitMax,
			windowMs: settings.rateLimitWindowMs,
		},
		{ key: 'inquiry:all', max: deps.config.limits.inquiriesPerMinute, windowMs: 60_000 },
	];
	const limited = (refusedBy: number, retryAfterSeconds: number): SubmissionResult =>
		refusedBy === 0 ? { kind: 'rate-limited', retryAfterSeconds } : { kind: 'busy', retryAfterSeconds };
	/** An invalid submission is counted (in one round trip) before it is answered, so garbage is braked too. */
	const refuse = async (errors: InvalidErrors): Promise<SubmissionResult> => {
		const verdict = await takeRateLimits(deps.db, deps.limits, limits, deps.now);
		return verdict.allowed
			? { kind: 'invalid', errors }
			: limited(verdict.refusedBy, verdict.retryAfterSeconds);
	};

	const parsed = InquiryInputSchema.safeParse(submission.raw);
	if (!parsed.success) return refuse(inquiryErrors(submission.raw));
	// The schema checks the estimate's size and shape; pricing it checks every item.
	if (parsed.data.estimate !== undefined) {
		const checked = await deps.checkEstimate(parsed.data.estimate);
		if ('error' in checked) return refuse({ estimate: checked.error });
		parsed.data.estimate = checked.query;
	}

	const nowSeconds = Math.floor(deps.now / 1000);
	// The same checks for a form post and a JSON call, whichever are configured.
	const tokenAgeSeconds = settings.formTokenSecret
		? await formTokenAge(submission.formToken, settings.formTokenSecret, nowSeconds)
		: undefined;
	const turnstilePassed = !settings.turnstileSecretKey
		? true
		: await verifyTurnstile(
				submission.turnstileToken,
				{
					secret: settings.turnstileSecretKey,
					url: settings.turnstileVerifyUrl,
					ip: submission.clientIp,
					timeoutMs: deps.config.jobs.outboundTimeoutMs,
				},
				deps.fetcher,
			);
	const spam = judgeSpam({
		honeypot: submission.honeypot,
		tokenAgeSeconds,
		minSeconds: settings.minSubmitSeconds,
		turnstilePassed,
	});
	if (spam) deps.log({ level: 'warn', msg: 'inquiry judged spam; stored, not forwarded', reason: spam });

	const acceptance = await acceptInquiry(
		parsed.data,
		{ idempotencyKey: submission.idempotencyKey, ipHash, spam: spam !== null },
		limits,
		{ ...deps, maxAttempts: deps.config.jobs.maxAttempts },
	);
	return acceptance.kind === 'limited'
		? limited(acceptance.refusedBy, acceptance.retryAfterSeconds)
		: acceptance;
}
