import {
	describeCachePlan,
	AI_SPEND_OPTION,
	estimateAiSpend,
	type AiSpendData,
	type AiSpendInput,
} from '~/lib/calculators/ai-spend/compute';
import { toQueryString } from '~/lib/calculators/fields';
import type { CalculatorStart } from '~/lib/calculators/start';
import { formatUsd } from '~/lib/format/money';
import CalculatorForm from './parts/CalculatorForm';
import EstimateTable from './parts/EstimateTable';
import Notices, { fieldNotices } from './parts/Notices';
import ShareBar from './parts/ShareBar';
import { useCalculator, type CalculatorPlace } from './use-calculator';

/** Fields (model lists from the price sheets) and the LLM sheets arrive as data, not code. */
type Props = CalculatorStart<AiSpendInput, AiSpendData> & CalculatorPlace;

/** Monthly model spend with caching and routing: a GET form without JavaScript, live with it. */
export default function AiSpendCalculator(props: Props) {
	const { data, path } = props;
	const { values, query, form } = useCalculator<AiSpendInput>(props);
	const result = estimateAiSpend(values, data);
	const names = new Map(data.sheets.flatMap((sheet) => sheet.models.map((model) => [model.id, model.name])));
	return (
		<div class="tool">
			<CalculatorForm
				{...form}
				notices={fieldNotices(result.notices)}
				pick={{ option: AI_SPEND_OPTION, usd: result.monthlyUsd, billed: true }}
			/>
			<section class="results" aria-labelledby="results-title">
				<h2 id="results-title">Monthly spend</h2>
				<p class="total" aria-live="polite">
					<span class="figure">{formatUsd(result.monthlyUsd)}</span> a month
				</p>
				<Notices notices={result.notices.filter((notice) => !notice.field)} />
				{result.successors.length > 0 && (
					<dl class="facts">
						{result.successors.map((successor) => (
							<div key={successor.field}>
								<dt>With {successor.toName} instead</dt>
								<dd>
									{formatUsd(successor.monthlyUsd)}{' '}
									<a href={`${path}?${toQueryString({ ...values, [successor.field]: successor.to })}`}>
										Re-price with {successor.toName}
									</a>
								</dd>
							</div>
						))}
					</dl>
				)}
				<dl class="facts">
					<div>
						<dt>Without caching or routing</dt>
						<dd>{formatUsd(result.baselineUsd)}</dd>
					</div>
					<div>
						<dt>Saved</dt>
						<dd>
							{formatUsd(result.savingsUsd)} (
							{result.baselineUsd > 0 ? Math.round((result.savingsUsd / result.baselineUsd) * 100) : 0}%)
						</dd>
					</div>
				</dl>
				<EstimateTable caption="Line items" estimates={result.estimates} today={data.today} />
				{values.cachedPrefixPct > 0 && (
					<ul class="hint">
						{result.cache.map((plan) => (
							<li key={plan.model}>{describeCachePlan(plan, names.get(plan.model) ?? plan.model)}</li>
						))}
					</ul>
				)}
				<p class="hint">
					Cache writes assume calls arrive at random over the hours with traffic: a provider whose hits
					refresh the cache writes it once when traffic starts and again after each gap longer than its
					lifetime. The cheaper lifetime on offer is chosen.
				</p>
				<ShareBar path={path} query={query} />
			</section>
		</div>
	);
}
