import type { APIRoute } from 'astro';
import { replayAllDead, replayJob, releaseSpam, type ActionResult } from '~/server/operator/actions';
import { readForm } from '~/server/http/body';
import { erasePerson } from '~/server/inquiries/erase';
import { operatorDeps } from '~/server/services';
import type { OperatorDeps } from '~/server/operator/actions';

export const prerender = false;

const ACTIONS: Record<string, (target: string, deps: OperatorDeps) => Promise<ActionResult>> = {
	'replay-job': (target, deps) => replayJob(target, deps),
	'replay-all-dead': (_target, deps) => replayAllDead(deps),
	'release-spam': (target, deps) => releaseSpam(target, deps),
	'erase-person': (target, deps) => erasePerson(target, deps),
};

/** Actions that cannot be undone ask for a ticked confirmation box as well as the click. */
const CONFIRMED = new Set(['erase-person']);

/** The console's forms are a few short fields. */
const MAX_FORM_BYTES = 4 * 1024;

const text = (status: number, message: string) =>
	new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
	});

/**
 * The console's buttons post here (plain forms, so they work without JavaScript). Each action is
 * audited with the signed-in operator; success goes back to the page with a notice.
 */
export const POST: APIRoute = async ({ request, locals, url }) => {
	const form = await readForm(request, MAX_FORM_BYTES);
	const action = form.get('action') ?? '';
	const run = ACTIONS[action];
	if (!run) return text(400, `action must be one of ${Object.keys(ACTIONS).join(', ')}.`);
	const target = form.get('target') ?? '';
	if (action !== 'replay-all-dead' && !/^(job|inq)_[0-9a-f]{32}$/.test(target))
		return text(400, 'target must be a job or inquiry id.');
	if (CONFIRMED.has(action) && form.get('confirm') !== 'yes')
		return text(400, 'confirm: tick the box to confirm the person asked for this; nothing was changed.');
	const result = await run(target, operatorDeps(locals.services, locals.operator ?? 'unknown'));
	if (!result.ok) return text(result.status, result.message);
	const back = form.get('back') ?? '/admin';
	const next = new URL(back.startsWith('/admin') ? back : '/admin', url);
	next.searchParams.set('notice', result.message);
	return Response.redirect(next, 303);
};
