/**
 * The controlled list of guide tags. A guide may only use these ids, so a typo fails the
 * build instead of quietly creating a new, nearly empty tag page. Add a tag here first.
 */
export const TAGS = {
	'stack-choice': {
		label: 'Choosing a stack',
		description: 'Frameworks and platforms, picked by constraints.',
	},
	integrations: { label: 'Integrations', description: 'Third-party APIs, CRMs, payments and webhooks.' },
	async: { label: 'Async processing', description: 'Queues, jobs, retries and idempotency.' },
	architecture: { label: 'Architecture', description: 'Boundaries between services, and how they talk.' },
	costs: {
		label: 'Infrastructure costs',
		description: 'What hosting, data transfer and AI APIs really cost.',
	},
	observability: { label: 'Observability', description: 'Logs, metrics, traces and error tracking.' },
	incidents: { label: 'Incidents', description: 'Alerting, debugging and learning from failure.' },
	'ci-cd': { label: 'CI/CD', description: 'Pipelines, deploys and rollbacks.' },
	'load-balancing': {
		label: 'Load balancing',
		description: 'Proxies, balancers, TLS and caching at the edge.',
	},
	databases: { label: 'Databases', description: 'Scaling storage: replicas, partitions and caches.' },
	security: { label: 'Security', description: 'Access control, secrets, dependencies and audit trails.' },
	reliability: { label: 'Reliability', description: 'Keeping a system up while it changes.' },
	ai: { label: 'AI APIs', description: 'Building on hosted models without runaway bills.' },
} as const satisfies Record<string, { label: string; description: string }>;

export type TagId = keyof typeof TAGS;

/** Every tag id, for schemas and static paths. */
export const TAG_IDS = Object.keys(TAGS) as [TagId, ...TagId[]];
