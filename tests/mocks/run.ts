// npm run mock: the mock CRM, email API and price upstreams for local development, on MOCK_PORT (default 4490).
import { startMockServices } from './mock-services.ts';
import { UPSTREAMS } from './upstreams.ts';

const port = Number(process.env['MOCK_PORT'] ?? 4490);
const mock = await startMockServices({
	port,
	crmSigningSecret: process.env['CRM_SIGNING_SECRET'] ?? 'dev-crm-signing-secret',
	emailApiKey: process.env['EMAIL_API_KEY'] ?? 'dev-email-api-key',
});
console.log(`Mock CRM:   POST ${mock.url}/crm/leads`);
console.log(`Mock email: POST ${mock.url}/email/send`);
console.log(`Inspect:    GET  ${mock.url}/__state   Reset: POST ${mock.url}/__reset`);
console.log(
	`Faults:     POST ${mock.url}/__control/crm  {"errorRate":0.2,"latencyMs":300,"outageForMs":60000,"rateLimitNext":3,"failNext":2}`,
);
for (const [name, { path }] of Object.entries(UPSTREAMS))
	console.log(
		`Upstream:   GET  ${mock.url}/upstreams${path}   (${name}; faults: POST ${mock.url}/__control/upstreams/${name})`,
	);
