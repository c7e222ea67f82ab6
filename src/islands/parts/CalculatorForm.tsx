import { addToEstimate } from '../estimate-store';
import type { FormState } from '../use-calculator';
import FieldInput from './FieldInput';

/** What "Add to my estimate" adds: the option the calculator picks (cheapest or chosen) and its month. */
export interface EstimatePick {
	option: string;
	usd: number;
	/** false for an expected loss (downtime), shown beside the bill, never in it. */
	billed: boolean;
}

interface Props extends FormState {
	/** Things to know about a field's value that do not make it wrong, e.g. a prefix too short to cache. */
	notices?: Partial<Record<string, string[]>>;
	pick: EstimatePick;
}

/** A calculator's inputs as a GET form: live with JavaScript, a plain submit without it. */
export default function CalculatorForm(props: Props) {
	const { action, slug, fields, raw, errors, notices = {}, onChange, query, pick, estimate } = props;
	// The tray below the page announces the new total (it is a live region).
	const add = (event: Event) => {
		event.preventDefault();
		addToEstimate({ calculator: slug, query, ...pick });
	};
	return (
		<form method="get" action={action} class="inputs" noValidate>
			{fields.map((field) => (
				<FieldInput
					key={field.name}
					field={field}
					value={raw[field.name] ?? ''}
					error={errors[field.name]}
					notices={notices[field.name] ?? []}
					onChange={onChange}
				/>
			))}
			<div class="actions">
				<button type="submit">Calculate</button>
				{/* Posts the same fields to start a report job; works without JavaScript too. */}
				<button
					type="submit"
					class="secondary"
					formAction="/api/reports"
					formMethod="post"
					name="calculator"
					value={slug}
				>
					Build a full report
				</button>
				{/* Without JavaScript, the estimate page adds these inputs and shows the estimate. */}
				<button
					type="submit"
					class="secondary"
					formAction="/tools/estimate"
					name="add"
					value={slug}
					onClick={add}
				>
					Add to my estimate
				</button>
			</div>
			{estimate.map((item) => (
				<input key={item} type="hidden" name="item" value={item} />
			))}

			<p class="hint">
				The full report prices ten traffic levels on every provider, as Markdown, CSV and a page.
			</p>
		</form>
	);
}
