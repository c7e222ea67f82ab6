import type { Field } from '~/lib/calculators/fields';

interface Props {
	field: Field;
	/** The text in the box (numbers stay as typed, so a half-typed value is not rewritten). */
	value: string | boolean;
	error: string | undefined;
	onChange: (name: string, value: string | boolean) => void;
}

/** One labelled input with its hint and, when invalid, an error in words (not colour alone). */
export default function FieldInput({ field, value, error, onChange }: Props) {
	const hintId = `${field.name}-hint`;
	const errorId = `${field.name}-error`;
	const describedBy = error ? `${hintId} ${errorId}` : hintId;
	if (field.kind === 'toggle') {
		return (
			<div class="field toggle">
				<label>
					<input
						type="checkbox"
						name={field.name}
						checked={value === true}
						aria-describedby={describedBy}
						onChange={(event) => onChange(field.name, event.currentTarget.checked)}
					/>{' '}
					{field.label}
				</label>
				<p class="hint" id={hintId}>
					{field.hint}
				</p>
			</div>
		);
	}
	return (
		<div class="field">
			<label for={field.name}>
				{field.label}
				{field.kind === 'number' && <span class="unit"> ({field.unit})</span>}
			</label>
			{field.kind === 'choice' ? (
				<select
					id={field.name}
					name={field.name}
					value={String(value)}
					aria-describedby={describedBy}
					onChange={(event) => onChange(field.name, event.currentTarget.value)}
				>
					{field.options.map((option) => (
						<option value={option.value}>{option.label}</option>
					))}
				</select>
			) : (
				<input
					id={field.name}
					name={field.name}
					type="number"
					inputMode="decimal"
					min={field.min}
					max={field.max}
					step={field.step ?? 'any'}
					value={String(value)}
					aria-invalid={error ? 'true' : undefined}
					aria-describedby={describedBy}
					onInput={(event) => onChange(field.name, event.currentTarget.value)}
				/>
			)}
			<p class="hint" id={hintId}>
				{field.hint}
			</p>
			{error && (
				<p class="error" id={errorId}>
					{error}
				</p>
			)}
		</div>
	);
}
