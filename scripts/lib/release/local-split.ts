import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/**
 * A stand-in for Cloudflare's traffic split, for the release rehearsal: it sends each request
 * to one of two local Workers by percentage, and honours `Cloudflare-Workers-Version-Overrides`
 * for a version in the current deployment, as Cloudflare does. Each answer says which version
 * served it (`x-served-by-version`), so the rehearsal can show where traffic went.
 */
export interface LocalSplit {
	url: string;
	/** Registers a version (a running local Worker) that deployments can name. */
	addVersion: (versionId: string, origin: string) => void;
	/** The current deployment: version id → percentage, summing to 100. */
	deploy: (shares: Record<string, number>) => void;
	stop: () => Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host']);

function overrideFor(workerName: string, header: string | undefined): string | undefined {
	// The dictionary's member for this Worker: name="version-id".
	const member = header
		?.split(',')
		.map((part) => part.trim())
		.find((part) => part.startsWith(`${workerName}=`));
	return member?.slice(workerName.length + 1).replace(/^"|"$/g, '');
}

export async function startLocalSplit(port: number, workerName: string): Promise<LocalSplit> {
	const versions = new Map<string, string>();
	let shares: [string, number][] = [];

	const pick = (override: string | undefined): string => {
		if (override && shares.some(([id]) => id === override)) return override;
		let roll = Math.random() * 100;
		for (const [id, share] of shares) {
			if (roll < share) return id;
			roll -= share;
		}
		return shares.at(-1)![0];
	};

	const handle = async (request: IncomingMessage, response: ServerResponse) => {
		const header = request.headers['cloudflare-workers-version-overrides'];
		const versionId = pick(overrideFor(workerName, Array.isArray(header) ? header.join(',') : header));
		const origin = versions.get(versionId)!;
		const headers = new Headers();
		for (const [name, value] of Object.entries(request.headers))
			if (!HOP_BY_HOP.has(name) && typeof value === 'string') headers.set(name, value);
		try {
			const upstream = await fetch(new URL(request.url ?? '/', origin), {
				method: request.method ?? 'GET',
				headers,
				redirect: 'manual',
			});
			const body = Buffer.from(await upstream.arrayBuffer());
			const out: Record<string, string> = { 'x-served-by-version': versionId };
			upstream.headers.forEach((value, name) => {
				if (!HOP_BY_HOP.has(name) && name !== 'content-encoding' && name !== 'content-length')
					out[name] = value;
			});
			response.writeHead(upstream.status, out).end(body);
		} catch {
			response.writeHead(502, { 'x-served-by-version': versionId }).end('version unreachable');
		}
	};

	const server = createServer((request, response) => void handle(request, response));
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${port}`,
		addVersion: (versionId, origin) => versions.set(versionId, origin),
		deploy: (next) => {
			const entries = Object.entries(next);
			const total = entries.reduce((sum, [, share]) => sum + share, 0);
			if (total !== 100) throw new Error(`a deployment's shares must sum to 100, not ${total}`);
			for (const [id] of entries) if (!versions.has(id)) throw new Error(`no version ${id} was uploaded`);
			shares = entries;
		},
		stop: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
