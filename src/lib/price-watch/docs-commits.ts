// Reads GitHub's "latest commit touching a path" answer, for sheets whose provider publishes no
// price list but keeps its pricing page in a public repository.
import { z } from 'zod';
import { UpstreamShapeError } from './model-datasets.ts';

export const GITHUB_API = 'https://api.github.com';

/** The request for the newest commit that touched `path` (GitHub REST, list commits). */
export function latestCommitUrl(repo: string, path: string, branch?: string, api = GITHUB_API): string {
	const query = new URLSearchParams({ path, per_page: '1' });
	if (branch) query.set('sha', branch);
	return `${api}/repos/${repo}/commits?${query}`;
}

const CommitList = z.array(
	z.object({
		sha: z.string().regex(/^[0-9a-f]{40}$/),
		html_url: z.url(),
		commit: z.object({ committer: z.object({ date: z.iso.datetime({ offset: true }) }) }),
	}),
);

export interface DocsCommit {
	sha: string;
	url: string;
	committedAt: Date;
}

/**
 * The newest commit in GitHub's answer for one path.
 * @throws UpstreamShapeError when the answer is not a commit list, or is empty: no commit
 * touches the path any more, so the page moved and the watch must be pointed at its new file.
 */
export function readLatestCommit(json: unknown, path: string): DocsCommit {
	const parsed = CommitList.safeParse(json);
	if (!parsed.success) throw new UpstreamShapeError(`GitHub commits for ${path}: not a list of commits`);
	const [newest] = parsed.data;
	if (!newest) throw new UpstreamShapeError(`GitHub has no commit touching ${path}: was the page moved?`);
	return { sha: newest.sha, url: newest.html_url, committedAt: new Date(newest.commit.committer.date) };
}

/**
 * Whether a watched document changed after the sheet was checked. Commits on `asOf` itself count
 * as seen: the editor checked the page that day.
 * @example changedSince([{ sha: 'a', url: 'u', committedAt: new Date('2026-12-02T09:00:00Z') }], new Date('2026-11-30')) // => true
 */
export function changedSince(commits: readonly DocsCommit[], asOf: Date): boolean {
	const endOfAsOf = asOf.getTime() + 86_400_000;
	return commits.some((commit) => commit.committedAt.getTime() >= endOfAsOf);
}
