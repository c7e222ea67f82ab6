import { DOWNTIME_FIELDS, type DowntimeInput } from '~/lib/calculators/downtime';
import { downtimeReport } from '~/lib/calculators/downtime-report';
import { readFields } from '~/lib/calculators/fields';
import type { Report } from '~/lib/calculators/report';

/** Builds a calculator's report from a URL's query string; undefined for an unknown calculator. */
export async function buildReport(calculator: string, url: URL): Promise<Report | undefined> {
	const get = (name: string) => url.searchParams.get(name);
	const pageUrl = new URL(`/tools/${calculator}${url.search}`, url).toString();
	switch (calculator) {
		case 'downtime':
			return downtimeReport(readFields<DowntimeInput>(DOWNTIME_FIELDS, get).values, pageUrl);
		default:
			return undefined;
	}
}
