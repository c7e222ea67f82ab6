import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changedSince, latestCommitUrl, readLatestCommit } from '~/lib/price-watch/docs-commits';
import { UpstreamShapeError } from '~/lib/price-watch/model-datasets';

const answer: unknown = JSON.parse(
	readFileSync(new URL('../../../mocks/upstreams/github-commits.json', import.meta.url), 'utf8'),
);
const path = 'src/content/docs/workers/platform/pricing.mdx';

describe('the docs-commits watch', () => {
	it('asks GitHub for the newest commit on the path, on the default branch unless one is named', () => {
		expect(latestCommitUrl('cloudflare/cloudflare-docs', path)).toBe(
			'https://api.github.com/repos/cloudflare/cloudflare-docs/commits?path=src%2Fcontent%2Fdocs%2Fworkers%2Fplatform%2Fpricing.mdx&per_page=1',
		);
		expect(latestCommitUrl('railwayapp/docs', 'plans.md', 'main')).toContain('&sha=main');
	});

	it('reads the commit and when it landed', () => {
		expect(readLatestCommit(answer, path)).toEqual({
			sha: '0000000000000000000000000000000000c0ffee',
			url: 'https://github.com/cloudflare/cloudflare-docs/commit/0000000000000000000000000000000000c0ffee',
			committedAt: new Date('2026-07-07T16:00:00Z'),
		});
	});

	it('says the page moved when no commit touches the path, and refuses anything else', () => {
		expect(() => readLatestCommit([], path)).toThrow(
			/no commit touching .*pricing\.mdx: was the page moved\?/,
		);
		expect(() => readLatestCommit({ message: 'Not Found' }, path)).toThrow(UpstreamShapeError);
	});

	it('counts a change after the sheet’s asOf day, not one on it', () => {
		const on = (iso: string) => [{ sha: 'a', url: 'u', committedAt: new Date(iso) }];
		expect(changedSince(on('2026-11-30T23:00:00Z'), new Date('2026-11-30'))).toBe(false);
		expect(changedSince(on('2026-12-01T00:00:00Z'), new Date('2026-11-30'))).toBe(true);
	});
});
