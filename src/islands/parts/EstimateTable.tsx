import type { Estimate } from '~/lib/pricing/estimate';
import { formatUsd } from '~/lib/format/money';
import { formatNumber } from '~/lib/pricing/line-item';

/** Line items of one or more estimates, each with its formula and the dated price sheet it used. */
export default function EstimateTable({ caption, estimates }: { caption: string; estimates: Estimate[] }) {
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
				{estimates.map((estimate) => (
					<tbody key={estimate.product}>
						<tr class="group">
							<th scope="rowgroup" colSpan={3}>
								{estimate.productName}{' '}
								<span class="sheet">
									prices as of <a href={estimate.priceSheet.source}>{estimate.priceSheet.asOf}</a>
								</span>
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
