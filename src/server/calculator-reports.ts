import { DOWNTIME_FIELDS, type DowntimeInput } from '~/lib/calculators/downtime';
import { downtimeReport } from '~/lib/calculators/downtime-report';
import { readFields } from '~/lib/calculators/fields';
import { HOSTING_FIELDS, type HostingInput } from '~/lib/calculators/hosting';
import { hostingReport } from '~/lib/calculators/hosting-report';
import type { Report } from '~/lib/calculators/report';
import { aiSpendFieldsFor, type AiSpendInput } from '~/lib/calculators/ai-spend';
import { aiSpendReport } from '~/lib/calculators/ai-spend-report';
import { getPriceSheets } from '~/data/pricing';

/** Builds a calculator's report from a URL's query string; undefined for an unknown calculator. */
export async function buildReport(calculator: string, url: URL): Promise<Report | undefined> {
	const get = (name: string) => url.searchParams.get(name);
	const pageUrl = new URL(`/tools/${calculator}${url.search}`, url).toString();
	switch (calculator) {
		case 'downtime':
			return downtimeReport(readFields<DowntimeInput>(DOWNTIME_FIELDS, get).values, pageUrl);
		case 'hosting':
			return hostingReport(
				readFields<HostingInput>(HOSTING_FIELDS, get).values,
				(await getPriceSheets()).metered,
				pageUrl,
			);
		case 'ai-spend': {
			const { llm } = await getPriceSheets();
			const fields = aiSpendFieldsFor(llm);
			return aiSpendReport(readFields<AiSpendInput>(fields, get).values, llm, pageUrl);
		}
		default:
			return undefined;
	}
}
