import { z } from 'zod';
import type { MeteredUsage } from './product-meters.ts';
import {
	LlmUsageSchema,
	METERED_PRODUCTS,
	PRODUCT_IDS,
	type LlmUsage,
	type MeteredProductId,
	type ProductId,
} from './products.ts';

/** A valid `POST /api/price` request, with defaults filled in. */
export type PriceRequest =
	| { product: MeteredProductId; usage: MeteredUsage[MeteredProductId]; options: { freeTier: boolean } }
	| { product: 'llm'; usage: LlmUsage; options: { freeTier: boolean } };

/** Why a request was refused: the field at fault (dotted path) and what to do about it. */
export interface PriceRequestError {
	field: string;
	message: string;
}

const OptionsSchema = z.strictObject({
	freeTier: z.boolean({ error: 'must be true or false' }).default(true),
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Turns the first zod issue into a field error under `prefix`, naming unknown keys and the allowed ones. */
function toFieldError(
	prefix: string,
	issue: z.core.$ZodIssue,
	allowed: readonly string[],
): PriceRequestError {
	if (issue.code === 'unrecognized_keys') {
		const key = issue.keys[0] ?? '';
		return { field: `${prefix}.${key}`, message: `Unknown field "${key}". Use: ${allowed.join(', ')}.` };
	}
	const path = issue.path.join('.');
	return { field: path ? `${prefix}.${path}` : prefix, message: `${path || prefix} ${issue.message}` };
}

/**
 * Validates a pricing request body. `knownModels` are the model ids in the LLM price sheets.
 * @example parsePriceRequest({ product: 'cloudflare-workers', usage: { requests: -1 } }, []) // => { ok: false, error: { field: 'usage.requests', ... } }
 */
export function parsePriceRequest(
	body: unknown,
	knownModels: readonly string[],
): { ok: true; request: PriceRequest } | { ok: false; error: PriceRequestError } {
	if (!isRecord(body))
		return {
			ok: false,
			error: { field: 'body', message: 'Send a JSON object: {"product", "usage", "options"}.' },
		};
	const extra = Object.keys(body).find((key) => !['product', 'usage', 'options'].includes(key));
	if (extra)
		return {
			ok: false,
			error: { field: extra, message: `Unknown field "${extra}". Use product, usage and options.` },
		};

	const product = body['product'];
	if (typeof product !== 'string' || !(PRODUCT_IDS as readonly string[]).includes(product)) {
		return {
			ok: false,
			error: {
				field: 'product',
				message: `Unknown product ${JSON.stringify(product ?? null)}. Use one of: ${PRODUCT_IDS.join(', ')}.`,
			},
		};
	}
	const usage = body['usage'] ?? {};
	if (!isRecord(usage))
		return {
			ok: false,
			error: { field: 'usage', message: 'usage must be an object of numbers, e.g. {"requests": 1000000}.' },
		};

	const options = OptionsSchema.safeParse(body['options'] ?? {});
	if (!options.success)
		return { ok: false, error: toFieldError('options', options.error.issues[0]!, ['freeTier']) };

	const id = product as ProductId;
	if (id === 'llm') {
		const parsed = LlmUsageSchema.safeParse(usage);
		if (!parsed.success)
			return {
				ok: false,
				error: toFieldError('usage', parsed.error.issues[0]!, Object.keys(LlmUsageSchema.shape)),
			};
		if (!knownModels.includes(parsed.data.model)) {
			return {
				ok: false,
				error: {
					field: 'usage.model',
					message: `Unknown model "${parsed.data.model}". GET /api/price/models lists them: ${knownModels.join(', ')}.`,
				},
			};
		}
		return { ok: true, request: { product: 'llm', usage: parsed.data, options: options.data } };
	}
	const schema = METERED_PRODUCTS[id].usage;
	const parsed = schema.safeParse(usage);
	if (!parsed.success)
		return { ok: false, error: toFieldError('usage', parsed.error.issues[0]!, Object.keys(schema.shape)) };
	return {
		ok: true,
		request: { product: id, usage: parsed.data as MeteredUsage[MeteredProductId], options: options.data },
	};
}
