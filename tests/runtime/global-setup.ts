import type { TestProject } from 'vitest/node';
import { ensureFreshBuild } from '../support/build';
import { startTestServer } from '../support/server';

/** Builds once, then serves the built Worker with a freshly migrated local D1 for all runtime tests. */
export default async function setup(project: TestProject) {
	ensureFreshBuild();
	const server = await startTestServer({ port: 4411, migrate: true });
	project.provide('baseUrl', server.url);
	project.provide('stateDir', server.stateDir);
	return server.stop;
}

declare module 'vitest' {
	export interface ProvidedContext {
		baseUrl: string;
		stateDir: string;
	}
}
