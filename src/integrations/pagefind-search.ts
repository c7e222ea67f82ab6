// Builds the Pagefind search index: after `astro build` from the built guide pages, and in
// `astro dev` on first use, from the pages the dev server renders (so search works under
// `npm start` too). Only elements marked data-pagefind-body (guide articles) are indexed.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

const MIME: Record<string, string> = {
	js: 'text/javascript',
	css: 'text/css',
	json: 'application/json',
	wasm: 'application/wasm',
};

async function newIndex() {
	const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
	if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
	return index;
}

/** Indexes the guides a running dev server renders; returns the index files by URL path. */
async function buildDevIndex(origin: string): Promise<Map<string, Uint8Array>> {
	// The sitemap lists every guide (llms.txt lists only the newest); a guide is /guides/<slug>.
	const sitemap = await (await fetch(`${origin}/sitemap.xml`)).text();
	const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)]
		.map((match) => new URL(match[1] ?? '').pathname)
		.filter((path) => /^\/guides\/[^/]+$/.test(path));
	const index = await newIndex();
	for (const path of paths) {
		const html = await (await fetch(origin + path)).text();
		await index.addHTMLFile({ url: path, content: html });
	}
	const { files } = await index.getFiles();
	return new Map(files.map((file) => [`/pagefind/${file.path}`, file.content]));
}

export function pagefindSearch(): AstroIntegration {
	return {
		name: 'loadbearing:pagefind-search',
		hooks: {
			'astro:build:done': async ({ dir, logger }) => {
				const site = fileURLToPath(dir);
				const index = await newIndex();
				const { page_count, errors } = await index.addDirectory({ path: site });
				if (errors.length > 0) throw new Error(`Pagefind indexing failed: ${errors.join('; ')}`);
				await index.writeFiles({ outputPath: join(site, 'pagefind') });
				await pagefind.close();
				logger.info(`Search index written (${page_count} pages scanned; only guide articles are indexed).`);
			},
			'astro:server:setup': ({ server, logger }) => {
				let files: Promise<Map<string, Uint8Array>> | undefined;
				// An edited guide makes the next search rebuild the index.
				server.watcher.on('all', (_event, path) => {
					if (path.includes('/content/')) files = undefined;
				});
				server.middlewares.use((req, res, next) => {
					const path = req.url?.split('?')[0] ?? '';
					if (!path.startsWith('/pagefind/')) {
						next();
						return;
					}
					files ??= buildDevIndex(`http://${req.headers.host}`).catch((error: unknown) => {
						files = undefined;
						throw error;
					});
					files
						.then((map) => {
							const body = map.get(path);
							res.statusCode = body ? 200 : 404;
							res.setHeader(
								'content-type',
								body ? (MIME[path.split('.').pop() ?? ''] ?? 'application/octet-stream') : 'text/plain',
							);
							res.end(body ?? 'Not in the search index');
						})
						.catch((error: unknown) => {
							logger.error(`Search index for dev failed: ${String(error)}`);
							res.statusCode = 500;
							res.end('Search index could not be built; see the dev server log.');
						});
				});
			},
		},
	};
}
