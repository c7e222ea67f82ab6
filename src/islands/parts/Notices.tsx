import type { PriceNotice } from '~/lib/pricing/notice';

/** Notices grouped by the input they are about, for the form to show beside each field. */
export function fieldNotices(notices: readonly PriceNotice[]): Partial<Record<string, string[]>> {
	const byField: Partial<Record<string, string[]>> = {};
	for (const notice of notices) {
		if (notice.field) (byField[notice.field] ??= []).push(notice.message);
	}
	return byField;
}

/** What a reader must know before trusting the figure: a retired model, a price about to change. */
export default function Notices({ notices }: { notices: readonly PriceNotice[] }) {
	if (notices.length === 0) return null;
	return (
		<ul class="notices" aria-label="Before you rely on this figure">
			{notices.map((notice) => (
				<li key={notice.message} class={`notice notice-${notice.code}`}>
					{notice.message}
				</li>
			))}
		</ul>
	);
}
