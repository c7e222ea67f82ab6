import { estimateAiSpend, spendAgainstHitRate, type AiSpendInput } from '~/lib/calculators/ai-spend/compute';
import { formatUsd } from '~/lib/format/money';
import type { LlmSheet } from '~/lib/pricing/catalog';
import { LineChart } from './parts/Charts';
import EstimateTable from './parts/EstimateTable';
import CalculatorForm from './parts/CalculatorForm';
import ShareBar from './parts/ShareBar';
import type { CalculatorStart } from '~/lib/calculators/start';
import { useCalculator, type CalculatorPlace } from './use-calculator';

/** Fields (model lists from the price sheets) and the LLM sheets arrive as data, not code. */
type Props = CalculatorStart<AiSpendInput, readonly LlmSheet[]> & CalculatorPlace;

/** Monthly model spend with caching and routing: a GET form without JavaScript, live with it. */
export default function AiSpendCalculator({ slug, path, fields, data: sheets, ...start }: Props) {
	const { raw, values, errors, onChange, query } = useCalculator<AiSpendInput>(fields, start, path);
	const result = estimateAiSpend(values, sheets);
	const curve = spendAgainstHitRate(values, sheets);
	return (
		<div class="tool">
			<CalculatorForm
				action={path}
				slug={slug}
				fields={fields}
				raw={raw}
				errors={errors}
				onChange={onChange}
			/>
			<section class="results" aria-labelledby="results-title">
				<h2 id="results-title">Monthly spend</h2>
				<p class="total" aria-live="polite">
					<span class="figure">{formatUsd(result.monthlyUsd)}</span> a month
				</p>
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
				<LineChart
					title="Monthly spend against response-cache hit rate, other settings as entered"
					xLabel="Response cache hit rate (%)"
					yLabel="USD per month"
					xs={curve.map((point) => point.hitPct)}
					formatX={(x) => `${x}%`}
					series={[{ name: 'Monthly spend', values: curve.map((point) => point.monthlyUsd) }]}
					marker={{ x: values.responseCacheHitPct, label: 'You' }}
				/>
				<EstimateTable caption="Line items" estimates={result.estimates} />
				<p class="hint">
					Prompt caching assumes the cached prefix is rewritten at most once every five minutes (the usual
					cache lifetime), and read on every other call.
				</p>
				<ShareBar path={path} query={query} />
			</section>
		</div>
	);
}
