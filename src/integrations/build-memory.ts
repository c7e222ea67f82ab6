// Collects garbage at the build's phase boundaries, so no phase stacks on the last one's garbage.
//
// V8 sizes its heap to the machine and collects lazily, so the build process kept what earlier
// phases left: the ASTs of a thousand compiled MDX guides while the bundler rendered chunks, and
// a thousand rendered pages while Pagefind's own process indexed them. Collected JS objects also
// release the bundler's (rolldown's) native memory they hold. A "last-resort" collection returns
// the freed pages to the system, which an ordinary one mostly keeps. At 1,000 guides the build's
// peak fell from 1.64 to 1.27 GB, with no extra CPU time per guide (`npm run bench:build`).
//
// Node offers gc() only with --expose-gc, and a build cannot choose Node's flags. V8 takes the
// flag at run time, and a new context then has gc() (as Jest's leak detector gets it). The
// options are those of V8's gc extension (src/extensions/gc-extension.h).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
let gc: Collect | undefined;

function collectGarbage(): void {
	if (!gc) {
		setFlagsFromString('--expose-gc');
		try {
			gc = runInNewContext('gc') as Collect;
		} finally {
			// Contexts made later (the build's own vm use) get no gc global.
			setFlagsFromString('--no-expose-gc');
		}
	}
	gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}

// For each bundle (prerender, Worker, browser): once its modules are all compiled, before its
// chunks are rendered, and once it is written.
const aroundEachBundle: Plugin = {
	name: 'loadbearing:collect-around-bundles',
	apply: 'build',
	buildEnd: { order: 'post', handler: collectGarbage },
	closeBundle: { order: 'post', handler: collectGarbage },
};

/** List it before integrations whose astro:build:done hooks use much memory (Pagefind). */
export function buildMemory(): AstroIntegration {
	return {
		name: 'loadbearing:build-memory',
		hooks: {
			'astro:config:setup': ({ updateConfig, command }) => {
				if (command === 'build') updateConfig({ vite: { plugins: [aroundEachBundle] } });
			},
			// All bundles are written and the pages are about to be prerendered.
			'astro:build:ssr': collectGarbage,
			// The pages are written; Pagefind indexes them next.
			'astro:build:done': collectGarbage,
		},
	};
}
