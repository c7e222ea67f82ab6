import {
	costAgainstTraffic,
	estimateHosting,
	findCrossover,
	cheaperStack,
	type HostingData,
	type HostingInput,
} from '~/lib/calculators/hosting/compute';
import { formatUsd } from '~/lib/format/money';
import { fieldWarnings } from '~/lib/calculators/fields';
import LineChart from './parts/LineChart';
import EstimateTable from './parts/EstimateTable';
import CalculatorForm from './parts/CalculatorForm';
import ShareBar from './parts/ShareBar';
import type { CalculatorStart } from '~/lib/calculators/start';
import { useCalculator, type CalculatorPlace } from './use-calculator';

/** Fields and price sheets arrive as data, so their text is not shipped twice (HTML and JS). */
type Props = CalculatorStart<HostingInput, HostingData> & CalculatorPlace;
const MILLIONS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const millions = (requests: number) => `${MILLIONS.format(requests / 1e6)}M`;

/** Edge against serverless for one traffic profile: a GET form without JavaScript, live with it. */
export default function HostingCalculator(props: Props) {
	const { sheets, today } = props.data;
	const { values, query, form } = useCalculator<HostingInput>(props);
	const result = estimateHosting(values, sheets);
	const points = costAgainstTraffic(values, sheets);
	const crossover = findCrossover(points);
	const warnings = fieldWarnings(props.fields, values);
	const cheaper = cheaperStack(result) === 'cloudflare' ? 'Edge' : 'Serverless';
	return (
		<div class="tool">
			<CalculatorForm
				{...form}
				pick={{
					option: cheaperStack(result),
					usd: Math.min(result.edge.totalUsd, result.serverless.totalUsd),
					billed: true,
				}}
			/>
			<section class="results" aria-labelledby="results-title">
				<h2 id="results-title">Monthly cost</h2>
				<dl class="facts totals" aria-live="polite">
					<div>
						<dt>Edge: Workers + R2{result.edge.estimates.length > 2 ? ' + more' : ''}</dt>
						<dd class="figure" data-total="edge">
							{formatUsd(result.edge.totalUsd)}
						</dd>
					</div>
					<div>
						<dt>
							Serverless: Lambda + API Gateway + S3{values.delivery === 'cloudfront' ? ' + CloudFront' : ''}
						</dt>
						<dd class="figure" data-total="serverless">
							{formatUsd(result.serverless.totalUsd)}
						</dd>
					</div>
				</dl>
				<p>
					{cheaper} is cheaper for this profile by{' '}
					{formatUsd(Math.abs(result.edge.totalUsd - result.serverless.totalUsd))} a month.
				</p>
				{warnings.length > 0 && (
					<ul class="warnings" aria-label="Limits to check">
						{warnings.map((warning) => (
							<li key={warning}>{warning}</li>
						))}
					</ul>
				)}
				<LineChart
					title="Monthly cost as traffic grows (requests and object reads scale together)"
					xLabel="Requests per month (log scale)"
					yLabel="USD per month"
					xs={points.map((point) => point.requests)}
					logX
					formatX={millions}
					series={[
						{ name: 'Edge', values: points.map((point) => point.edgeUsd) },
						{ name: 'Serverless', values: points.map((point) => point.serverlessUsd) },
					]}
					markers={
						crossover === undefined ? [] : [{ x: crossover, label: `Cross at ${millions(crossover)}` }]
					}
				/>
				<p>
					{crossover === undefined
						? 'The cheaper stack stays the same from a tenth to a hundred times this traffic.'
						: `The cheaper stack changes at about ${millions(crossover)} requests a month.`}
				</p>
				<EstimateTable caption="Edge line items" estimates={result.edge.estimates} today={today} />
				<EstimateTable
					caption="Serverless line items"
					estimates={result.serverless.estimates}
					today={today}
				/>
				<ShareBar path={props.path} query={query} />
			</section>
		</div>
	);
}
