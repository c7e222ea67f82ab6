import type { Field } from '~/lib/calculators/fields';
import FieldInput from './FieldInput';

interface Props {
	/** The calculator page; submitting without JavaScript loads it with these inputs. */
	action: string;
	/** The calculator's slug, sent with "Build a full report". */
	slug: string;
	fields: readonly Field[];
	raw: Record<string, string | boolean>;
	errors: Partial<Record<string, string>>;
	/** Things to know about a field's value that do not make it wrong, e.g. a prefix too short to cache. */
	notices?: Partial<Record<string, string[]>>;
	onChange: (name: string, value: string | boolean) => void;
}

/** A calculator's inputs as a GET form: live with JavaScript, a plain submit without it. */
export default function CalculatorForm({ action, slug, fields, raw, errors, notices = {}, onChange }: Props) {
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
			</div>
			<p class="hint">
				The full report prices ten traffic levels on every provider, as Markdown, CSV and a page.
			</p>
		</form>
	);
}
