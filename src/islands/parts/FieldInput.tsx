import type { ChoiceOption, Field } from '~/lib/calculators/fields';

interface Props {
	field: Field;
	/** The text in the box (numbers stay as typed, so a half-typed value is not rewritten). */
	value: string | boolean;
	error: string | undefined;
	/** Notes on the value (not errors), shown under the hint. */
	notices?: readonly string[];
	onChange: (name: string, value: string | boolean) => void;
}

/** One labelled input with its hint and, when invalid, an error in words (not colour alone). */
export default function FieldInput({ field, value, error, notices = [], onChange }: Props) {
	const hintId = `${field.name}-hint`;
	const errorId = `${field.name}-error`;
	const noticeId = `${field.name}-notice`;
	const describedBy = [hintId, error && errorId, notices.length > 0 && noticeId].filter(Boolean).join(' ');
	const noticeList = notices.length > 0 && (
		<div class="field-notice" id={noticeId}>
			{notices.map((notice) => (
				<p key={notice}>{notice}</p>
			))}
		</div>
	);
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
				{noticeList}
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
					{choiceOptions(field.options, String(value))}
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
			{noticeList}
			{error && (
				<p class="error" id={errorId}>
					{error}
				</p>
			)}
		</div>
	);
}

/** Options under their group headings; a hidden option is listed only while it is the value. */
function choiceOptions(options: readonly ChoiceOption[], value: string) {
	const shown = options.filter((option) => !option.hidden || option.value === value);
	const groups = [...new Set(shown.map((option) => option.group))];
	const render = (option: ChoiceOption) => (
		<option key={option.value} value={option.value}>
			{option.label}
		</option>
	);
	if (groups.length <= 1) return shown.map(render);
	return groups.map((group) => (
		<optgroup key={group} label={group ?? 'Other'}>
			{shown.filter((option) => option.group === group).map(render)}
		</optgroup>
	));
}
