import type { APIRoute } from 'astro';
import { SIGNATURE_HEADER } from '~/lib/integrations/signature';
import { handleCrmWebhook, MAX_WEBHOOK_BYTES } from '~/server/integrations/crm-webhook';
import { readText } from '~/server/http/body';
import { methodNotAllowed } from '~/lib/http/http-error';

export const prerender = false;

/** The CRM's signed callbacks (docs/api.md, "CRM callbacks"). */
export const POST: APIRoute = async ({ request, locals }) => {
	const body = await readText(request, MAX_WEBHOOK_BYTES);
	return handleCrmWebhook(
		{ body, signature: request.headers.get(SIGNATURE_HEADER) },
		{
			secret: locals.services.config.crm.signingSecret,
			events: locals.services.repos.webhookEvents,
			now: Date.now(),
			requestId: locals.requestId,
			log: locals.services.log,
		},
	);
};

export const ALL: APIRoute = () => {
	throw methodNotAllowed(['POST']);
};
