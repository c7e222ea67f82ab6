import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren, TargetedEvent } from 'preact';
import { inquiryErrors, type Choice } from '~/lib/inquiries/schema';
import { formToInquiry } from '~/lib/inquiries/request-body';

type Errors = Partial<Record<string, string>>;

interface Props {
	/** What the visitor sent last time (a no-JS post that came back with errors). */
	values: Record<string, string>;
	errors: Errors;
	idempotencyKey: string;
	formToken: string;
	selects: { name: string; label: string; choices: readonly Choice[] }[];
	/** A stack estimate sent along ("Discuss this estimate"), as its query string. */
	estimate?: string | undefined;
	/**
	 * The page's slot, placed above the submit button: the Turnstile widget when it is on. Astro
	 * passes it as static HTML that Preact never re-renders, so the widget's own iframe and
	 * hidden token field survive every update of the form.
	 */
	children?: ComponentChildren;
}

const LABELS: Record<string, string> = {
	name: 'Name',
	email: 'Email',
	company: 'Company',
	projectType: 'Project',
	budget: 'Budget',
	timeline: 'Timeline',
	message: 'About the project',
	consent: 'Consent',
	estimate: 'Estimate',
};

/** The one-line fields; maxLength matches the schema, so a browser stops typing where the server would refuse. */
interface TextField {
	name: 'name' | 'email' | 'company';
	label: string;
	type: 'text' | 'email';
	autocomplete: string;
	required: boolean;
	maxLength: number;
	hint?: string;
}

const TEXT_FIELDS: readonly TextField[] = [
	{ name: 'name', label: 'Name', type: 'text', autocomplete: 'name', required: true, maxLength: 120 },
	{
		name: 'email',
		label: 'Email',
		type: 'email',
		autocomplete: 'email',
		required: true,
		maxLength: 254,
		hint: 'We only use it to reply to you.',
	},
	{
		name: 'company',
		label: 'Company',
		type: 'text',
		autocomplete: 'organization',
		required: false,
		maxLength: 160,
	},
];

/** The fields' problems right now, judged by the schema the server uses. */
const check = (form: HTMLFormElement): Errors =>
	inquiryErrors(formToInquiry(new URLSearchParams([...new FormData(form)].map(([k, v]) => [k, String(v)]))));

/**
 * The contact form. Server-rendered, it is a plain POST that works without JavaScript; hydrated,
 * it checks each field as the visitor leaves it, stops a submission with errors before it
 * leaves the page, and sends at most once.
 */
export default function InquiryForm({
	values,
	errors: serverErrors,
	idempotencyKey,
	formToken,
	selects,
	estimate,
	children,
}: Props) {
	const [errors, setErrors] = useState<Errors>(serverErrors);
	const [sending, setSending] = useState(false);
	const summary = useRef<HTMLDivElement>(null);

	// Back from the receipt page (the browser's page cache): the form may be sent again.
	useEffect(() => {
		const reset = (event: PageTransitionEvent) => event.persisted && setSending(false);
		addEventListener('pageshow', reset);
		return () => removeEventListener('pageshow', reset);
	}, []);

	// Once a field has been left (or the form sent), its message follows what is typed.
	const touched = useRef(new Set(Object.keys(serverErrors)));
	const recheck = (event: TargetedEvent<HTMLFormElement>, leaving?: string) => {
		if (leaving) touched.current.add(leaving);
		const now = check(event.currentTarget);
		setErrors(Object.fromEntries(Object.entries(now).filter(([name]) => touched.current.has(name))));
	};
	const fieldName = (event: Event) => (event.target as HTMLInputElement).name;

	const onSubmit = (event: TargetedEvent<HTMLFormElement, SubmitEvent>) => {
		if (sending) return event.preventDefault(); // a double click: the first request is on its way
		const now = check(event.currentTarget);
		if (Object.keys(now).length > 0) {
			event.preventDefault();
			for (const name of Object.keys(now)) touched.current.add(name);
			setErrors(now);
			requestAnimationFrame(() => summary.current?.focus());
			return;
		}
		setSending(true);
	};

	const list = Object.entries(errors).filter((entry): entry is [string, string] => entry[1] !== undefined);
	const invalid = (name: string) => (errors[name] ? 'true' : undefined);
	const describedBy = (name: string, hint: boolean) =>
		[hint ? `${name}-hint` : '', errors[name] ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
	const error = (name: string) =>
		errors[name] && (
			<p class="error" id={`${name}-error`}>
				{errors[name]}
			</p>
		);

	return (
		<>
			{list.length > 0 && (
				<div class="error-summary" role="alert" tabindex={-1} autofocus ref={summary}>
					<h2>There is a problem with your inquiry</h2>
					<ul>
						{list.map(([name, message]) => (
							<li key={name}>
								{LABELS[name] ? (
									<a href={`#${name}`}>
										{LABELS[name]}: {message}
									</a>
								) : (
									message
								)}
							</li>
						))}
					</ul>
				</div>
			)}

			<form
				method="post"
				action="/contact"
				class="inquiry"
				noValidate
				aria-busy={sending}
				onSubmit={onSubmit}
				onFocusOut={(event) => recheck(event, fieldName(event))}
				onInput={(event) => recheck(event)}
				onChange={(event) => recheck(event, fieldName(event))}
			>
				<input type="hidden" name="idempotencyKey" value={idempotencyKey} />
				<input type="hidden" name="formToken" value={formToken} />
				{estimate && <input type="hidden" name="estimate" value={estimate} />}
				<div class="hp" aria-hidden="true">
					<label for="website">Leave this field empty</label>
					<input id="website" name="website" type="text" tabIndex={-1} autocomplete="off" />
				</div>

				{TEXT_FIELDS.map((field) => (
					<div class="field" key={field.name}>
						<label for={field.name}>
							{field.label}
							{!field.required && <span class="optional"> (optional)</span>}
						</label>
						<input
							id={field.name}
							name={field.name}
							type={field.type}
							autocomplete={field.autocomplete}
							required={field.required}
							maxLength={field.maxLength}
							defaultValue={values[field.name] ?? ''}
							aria-invalid={invalid(field.name)}
							aria-describedby={describedBy(field.name, field.hint !== undefined)}
						/>
						{field.hint && (
							<p class="hint" id={`${field.name}-hint`}>
								{field.hint}
							</p>
						)}
						{error(field.name)}
					</div>
				))}
				{selects.map((select) => (
					<div class="field" key={select.name}>
						<label for={select.name}>{select.label}</label>
						<select
							id={select.name}
							name={select.name}
							required
							aria-invalid={invalid(select.name)}
							aria-describedby={describedBy(select.name, false)}
						>
							<option value="">Choose…</option>
							{select.choices.map((choice) => (
								<option
									key={choice.value}
									value={choice.value}
									selected={values[select.name] === choice.value}
								>
									{choice.label}
								</option>
							))}
						</select>
						{error(select.name)}
					</div>
				))}
				<div class="field">
					<label for="message">About the project</label>
					<textarea
						id="message"
						name="message"
						rows={7}
						required
						minLength={20}
						maxLength={5000}
						defaultValue={values['message'] ?? ''}
						aria-invalid={invalid('message')}
						aria-describedby={describedBy('message', true)}
					/>
					<p class="hint" id="message-hint">
						What you are building, what worries you, and any deadline. At least 20 characters.
					</p>
					{error('message')}
				</div>
				<div class="field consent">
					<label>
						<input
							id="consent"
							name="consent"
							type="checkbox"
							defaultChecked={values['consent'] === 'on'}
							aria-invalid={invalid('consent')}
							aria-describedby={describedBy('consent', false)}
						/>
						You may store these details and use them to reply to me.
					</label>
					{error('consent')}
				</div>
				{children}
				<button type="submit" disabled={sending}>
					{sending ? 'Sending…' : 'Send inquiry'}
				</button>
			</form>
		</>
	);
}
