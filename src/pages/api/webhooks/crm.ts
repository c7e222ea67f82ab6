import type { APIRoute } from 'astro';
import { SIGNATURE_HEADER } from '~/lib/integrations/signature';
import { env, getConfig } from '~/server/bindings';
import { handleCrmWebhook, MAX_WEBHOOK_BYTES } from '~/server/crm-webhook';
import { createWebhookEventsRepo } from '~/server/db/webhook-events-repo';
import { readText } from '~/server/http/body';
import { methodNotAllowed } from '~/lib/http/http-error';

export const prerender = false;

/** The CRM's signed callbacks (docs/api.md, "CRM callbacks"). */
export const POST: APIRoute = async ({ request, locals }) => {
	const body = await readText(request, MAX_WEBHOOK_BYTES);
	return handleCrmWebhook(
		{ body, signature: request.headers.get(SIGNATURE_HEADER) },
		{
			secret: getConfig().crm.signingSecret,
			events: createWebhookEventsRepo(env.DB),
			now: Date.now(),
			requestId: locals.requestId,
			log: (line) => console.log(JSON.stringify(line)),
		},
	);
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['POST']);
};
