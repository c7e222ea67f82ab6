// npm start: the mock CRM, email API and price upstreams, then `astro dev` pointed at them, so a submitted inquiry
// travels the whole pipeline offline. Stops both together.
import { spawn } from 'node:child_process';
import { startMockServices } from '../tests/mocks/mock-services.ts';

const DEV_SECRETS = { crm: 'dev-crm-signing-secret', email: 'dev-email-api-key' } as const;

const mock = await startMockServices({
	port: Number(process.env['MOCK_PORT'] ?? 4490),
	crmSigningSecret: DEV_SECRETS.crm,
	emailApiKey: DEV_SECRETS.email,
	crmCallbackUrl: 'http://localhost:4321/api/webhooks/crm',
});
console.log(`Mock CRM and email API on ${mock.url} (state: ${mock.url}/__state)`);

// Wrangler passes process.env to the local Worker only when asked, and only when no .dev.vars
// file exists (a .dev.vars file wins, so a developer's own settings are never overridden).
const dev = spawn('npm', ['run', 'dev'], {
	stdio: 'inherit',
	env: {
		...process.env,
		CLOUDFLARE_INCLUDE_PROCESS_ENV: 'true',
		CRM_WEBHOOK_URL: `${mock.url}/crm/leads`,
		CRM_ERASE_URL: `${mock.url}/crm/erasures`,
		CRM_SIGNING_SECRET: DEV_SECRETS.crm,
		EMAIL_API_URL: `${mock.url}/email/send`,
		EMAIL_API_KEY: DEV_SECRETS.email,
		NOTIFY_EMAIL_TO: 'team@loadbearing.test',
		// The price watch reads the mock's recorded upstreams, never the real ones.
		PRICE_UPSTREAM_PROXY: `${mock.url}/upstreams`,
		// The operator console at /admin: user name "dev", this token as password.
		OPERATOR_TOKENS: 'dev:dev-operator-token-0123456789',
	},
});

const stop = async (code: number) => {
	dev.kill('SIGTERM');
	await mock.stop();
	process.exit(code);
};
process.on('SIGINT', () => void stop(130));
process.on('SIGTERM', () => void stop(143));
dev.on('exit', (code) => void stop(code ?? 0));
