import type { APIRoute } from 'astro';
import { badRequest, HttpError } from '~/lib/http/http-error';
import {
	acknowledgeDrift,
	checkPricesNow,
	replayAllDead,
	replayJob,
	releaseSpam,
	type ActionResult,
} from '~/server/operator/actions';
import { readForm } from '~/server/http/body';
import { erasePerson } from '~/server/inquiries/erase';
import { requireOperator } from '~/server/operator/auth';
import { operatorDeps } from '~/server/services';
import type { OperatorDeps } from '~/server/operator/actions';

export const prerender = false;

const ACTIONS: Record<string, (target: string, deps: OperatorDeps) => Promise<ActionResult>> = {
	'replay-job': (target, deps) => replayJob(target, deps),
	'replay-all-dead': (_target, deps) => replayAllDead(deps),
	'release-spam': (target, deps) => releaseSpam(target, deps),
	'erase-person': (target, deps) => erasePerson(target, deps),
	'acknowledge-drift': (target, deps) => acknowledgeDrift(target, deps),
	'check-prices': (_target, deps) => checkPricesNow(deps),
};

/** Actions on everything at once, which name no target. */
const UNTARGETED = new Set(['replay-all-dead', 'check-prices']);

/** Actions that cannot be undone ask for a ticked confirmation box as well as the click. */
const CONFIRMED = new Set(['erase-person']);

/** The console's forms are a few short fields. */
const MAX_FORM_BYTES = 4 * 1024;

/**
 * The console's buttons post here (plain forms, so they work without JavaScript). Each action is
 * audited with the signed-in operator; success goes back to the page with a notice, and a
 * refusal is an error page that says why (src/middleware.ts).
 */
export const POST: APIRoute = async ({ request, locals, url }) => {
	const operator = requireOperator(locals);
	const form = await readForm(request, MAX_FORM_BYTES);
	const action = form.get('action') ?? '';
	const run = ACTIONS[action];
	if (!run) throw badRequest(`action must be one of ${Object.keys(ACTIONS).join(', ')}.`, 'action');
	const target = form.get('target') ?? '';
	if (!UNTARGETED.has(action) && !/^(job|inq|pdr)_[0-9a-f]{32}$/.test(target))
		throw badRequest('target must be a job, inquiry or price-difference id.', 'target');
	if (CONFIRMED.has(action) && form.get('confirm') !== 'yes')
		throw badRequest('Tick the box to confirm the person asked for this; nothing was changed.', 'confirm');
	const result = await run(target, operatorDeps(locals.services, operator));
	if (!result.ok)
		throw new HttpError(result.status, result.status === 404 ? 'not_found' : 'conflict', result.message);
	const back = form.get('back') ?? '/admin';
	const next = new URL(back.startsWith('/admin') ? back : '/admin', url);
	next.searchParams.set('notice', result.message);
	return Response.redirect(next, 303);
};
