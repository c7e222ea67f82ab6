import {
	DOWNTIME_OPTION,
	estimateDowntime,
	HOURS_PER_MONTH,
	HOURS_PER_YEAR,
	SLA_OPTIONS,
	type DowntimeInput,
} from '~/lib/calculators/downtime/compute';
import { formatUsd } from '~/lib/format/money';
import BarChart from './parts/BarChart';
import CalculatorForm from './parts/CalculatorForm';
import ShareBar from './parts/ShareBar';
import type { CalculatorStart } from '~/lib/calculators/start';
import { useCalculator, type CalculatorPlace } from './use-calculator';

/** The fields arrive as data, so their labels and hints are not shipped twice (HTML and JS). */
type Props = CalculatorStart<DowntimeInput, null> & CalculatorPlace;
const slaLabel = (sla: string) => SLA_OPTIONS.find((option) => option.value === sla)?.label ?? sla;

/** The downtime calculator: a GET form that works without JavaScript, live once hydrated. */
export default function DowntimeCalculator(props: Props) {
	const { path } = props;
	const { values, query, form } = useCalculator<DowntimeInput>(props);
	const result = estimateDowntime(values);
	const tiers = SLA_OPTIONS.map((option) => ({
		...option,
		...estimateDowntime({ ...values, sla: option.value }),
	}));
	return (
		<div class="tool">
			<CalculatorForm
				{...form}
				pick={{ option: DOWNTIME_OPTION, usd: result.expectedYearlyCostUsd / 12, billed: false }}
			/>
			<section class="results" aria-labelledby="results-title">
				<h2 id="results-title">At {slaLabel(values.sla)} availability</h2>
				<p class="total" aria-live="polite">
					<span class="figure">{formatUsd(result.expectedYearlyCostUsd)}</span> a year if outages use the
					whole error budget
				</p>
				<dl class="facts">
					<div>
						<dt>Cost of one hour down</dt>
						<dd>{formatUsd(result.costPerHourUsd)}</dd>
					</div>
					<div>
						<dt>Allowed downtime a month</dt>
						<dd>{result.allowedMinutesPerMonth} min</dd>
					</div>
					<div>
						<dt>Allowed downtime a year</dt>
						<dd>{result.allowedHoursPerYear} h</dd>
					</div>
					<div>
						<dt>Error budget</dt>
						<dd>{(result.errorBudget * 100).toFixed(2)}% of the time</dd>
					</div>
				</dl>
				<BarChart
					title="Expected yearly cost of downtime at each availability target"
					axisLabel="Expected yearly cost (USD)"
					bars={tiers.map((tier) => ({ label: tier.label, value: tier.expectedYearlyCostUsd }))}
				/>
				<div class="table-scroll" role="region" aria-label="Every availability target" tabIndex={0}>
					<table>
						<caption>Every availability target, with your inputs</caption>
						<thead>
							<tr>
								<th scope="col">Target</th>
								<th scope="col">Down a month</th>
								<th scope="col">Down a year</th>
								<th scope="col" class="num">
									Yearly cost
								</th>
							</tr>
						</thead>
						<tbody>
							{tiers.map((tier) => (
								<tr key={tier.value} aria-current={tier.value === values.sla ? 'true' : undefined}>
									<th scope="row">{tier.label}</th>
									<td>{tier.allowedMinutesPerMonth} min</td>
									<td>{tier.allowedHoursPerYear} h</td>
									<td class="num">{formatUsd(tier.expectedYearlyCostUsd)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
				<details class="math">
					<summary>Show the math</summary>
					<ul>
						<li>
							Cost of one hour = {formatUsd(values.revenuePerHour)} × {values.revenueAffectedPct}% +{' '}
							{formatUsd(values.idleStaffCostPerHour)} + {formatUsd(values.recoveryCostPerHour)} ={' '}
							{formatUsd(result.costPerHourUsd)}
						</li>
						<li>
							Error budget = 1 − {values.sla} = {result.errorBudget}
						</li>
						<li>
							Allowed a month = {result.errorBudget} × {HOURS_PER_MONTH.toFixed(2)} h × 60 ={' '}
							{result.allowedMinutesPerMonth} min (an average month: 365.2425 days ÷ 12)
						</li>
						<li>
							Allowed a year = {result.errorBudget} × {HOURS_PER_YEAR.toFixed(2)} h ={' '}
							{result.allowedHoursPerYear} h
						</li>
						<li>
							Yearly cost = {result.allowedHoursPerYear} h × {formatUsd(result.costPerHourUsd)} ={' '}
							{formatUsd(result.expectedYearlyCostUsd)}
						</li>
					</ul>
					<p>
						Assumes outages use the whole error budget; real years vary. No price sheet is involved: every
						number comes from your inputs.
					</p>
				</details>
				<ShareBar path={path} query={query} />
			</section>
		</div>
	);
}
