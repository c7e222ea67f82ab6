import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/lib/build';
import { guideWordCounts } from '../../scripts/lib/content-check';
import { commandEnv } from '../../scripts/lib/offline-env';

// Search must work under `npm start` (astro dev), not only on a built site: the dev server
// builds a Pagefind index from the pages it renders.
const PORT = 4471;
const origin = `http://127.0.0.1:${PORT}`;
let dev: ChildProcess;

beforeAll(async () => {
	dev = spawn('npx', ['astro', 'dev', '--host', '127.0.0.1', '--port', String(PORT)], {
		cwd: ROOT,
		env: { ...commandEnv(), CI: 'true' },
		detached: true,
		stdio: 'ignore',
	});
	const deadline = Date.now() + 90_000;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(`${origin}/llms.txt`)).ok) return;
		} catch {
			// still starting
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error('astro dev did not start within 90 s');
}, 100_000);

afterAll(() => {
	if (dev.pid !== undefined) process.kill(-dev.pid, 'SIGTERM');
});

describe('search under the dev server', () => {
	it('serves a Pagefind index built from the guides the dev server renders', async () => {
		const response = await fetch(`${origin}/pagefind/pagefind-entry.json`);
		expect(response.status).toBe(200);
		const entry = (await response.json()) as { languages: Record<string, { page_count: number }> };
		// The dev server indexes the guides: every one in content/guides (none is a draft or scheduled).
		expect(entry.languages['en']?.page_count).toBe(guideWordCounts(join(ROOT, 'content')).length);
		const script = await fetch(`${origin}/pagefind/pagefind.js`);
		expect(script.headers.get('content-type')).toBe('text/javascript');
	}, 60_000);

	it('answers files that are not in the index with 404', async () => {
		expect((await fetch(`${origin}/pagefind/nope.js`)).status).toBe(404);
	});
});
