// Collects garbage between the build's phases, so each phase starts from what is still in use.
//
// V8 sizes its heap to the machine (a few GB here) and collects lazily, so the build's process
// kept the garbage of every phase: MDX compiled for three bundles, then a thousand pages
// rendered, all still resident while Pagefind's process indexes the output. The JS objects also
// keep native memory of the bundler (rolldown) until they are collected. At 1,000 guides a
// full collection at each phase boundary lowered the peak by a few hundred MB at a cost of
// about a second (`npm run bench:build`).
//
// Node has no collection API without --expose-gc, and a build cannot choose Node's flags. V8 lets
// the flag be set at run time; a fresh context then exposes gc() (the way Jest's leak detector
// does it).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

let gc: (() => void) | undefined;

function collectGarbage(): void {
	if (!gc) {
		setFlagsFromString('--expose-gc');
		gc = runInNewContext('gc') as () => void;
	}
	gc();
}

// After each bundle (Worker, prerender, browser) is written.
const afterEachBundle: Plugin = {
	name: 'loadbearing:collect-after-bundle',
	apply: 'build',
	closeBundle: { order: 'post', handler: collectGarbage },
};

/** List it before integrations whose astro:build:done hooks use much memory (Pagefind). */
export function buildMemory(): AstroIntegration {
	return {
		name: 'loadbearing:build-memory',
		hooks: {
			'astro:config:setup': ({ updateConfig, command }) => {
				if (command === 'build') updateConfig({ vite: { plugins: [afterEachBundle] } });
			},
			// All bundles are written and the pages are about to be prerendered.
			'astro:build:ssr': collectGarbage,
			// The pages are written; Pagefind indexes them next.
			'astro:build:done': collectGarbage,
		},
	};
}
