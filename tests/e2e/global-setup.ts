import { ensureFreshBuild } from '../support/build';
import { startTestServer } from '../support/server';
import { E2E_PORT } from '../playwright.config';

/** Builds if needed and serves the built Worker with a fresh, migrated local D1. */
export default async function globalSetup() {
	ensureFreshBuild();
	const server = await startTestServer({ port: E2E_PORT, migrate: true });
	return server.stop;
}
