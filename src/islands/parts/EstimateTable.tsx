import type { Estimate } from '~/lib/pricing/estimate';
import { formatUsd } from '~/lib/format/money';
import { formatNumber } from '~/lib/pricing/line-item';

interface Props {
	caption: string;
	estimates: Estimate[];
	/** The day prices are quoted for: a sheet past its review date is flagged. */
	today: string;
}

/** Line items of one or more estimates, each with its formula and the dated price sheet it used. */
export default function EstimateTable({ caption, estimates, today }: Props) {
	return (
		<div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
			<table class="estimate">
				<caption>{caption}</caption>
				<thead>
					<tr>
						<th scope="col">Item</th>
						<th scope="col">Quantity</th>
						<th scope="col">Unit price</th>
						<th scope="col" class="num">
							USD
						</th>
					</tr>
				</thead>
				{estimates.map((estimate, index) => (
					<tbody key={`${estimate.product}-${index}`}>
						<tr class="group">
							<th scope="rowgroup" colSpan={3}>
								{estimate.productName}{' '}
								<span class="sheet">
									prices as of <a href={estimate.priceSheet.source}>{estimate.priceSheet.asOf}</a>
								</span>
								{estimate.priceSheet.reviewBy < today && (
									<span class="stale"> (due for a re-check since {estimate.priceSheet.reviewBy})</span>
								)}
							</th>
							<td class="num">{formatUsd(estimate.totalUsd)}</td>
						</tr>
						{estimate.lineItems.map((item) => (
							<tr key={item.id}>
								<th scope="row">
									{item.label}
									<details class="formula">
										<summary>Show the math</summary>
										<code>{item.formula}</code>
									</details>
								</th>
								<td>
									{formatNumber(item.quantity)} {item.unit}
								</td>
								<td>${formatNumber(item.unitPriceUsd)}</td>
								<td class="num">{formatUsd(item.usd)}</td>
							</tr>
						))}
					</tbody>
				))}
			</table>
		</div>
	);
}
