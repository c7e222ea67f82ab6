import { useMemo, useState } from 'preact/hooks';
import { checkField, toQueryString, type Field, type FieldValues } from '~/lib/calculators/fields';

/** Where a calculator island lives: its slug (for the report button) and its page. */
export interface CalculatorPlace {
	slug: string;
	/** e.g. "/tools/hosting"; the exports are at <path>.csv and <path>.md. */
	path: string;
	/** Stack estimate items from the page's URL, kept by a submit without JavaScript. */
	estimate: string[];
}

/** What a calculator island's form takes, as `useCalculator` returns it: spread it into CalculatorForm. */
export interface FormState {
	/** The calculator page; submitting without JavaScript loads it with these inputs. */
	action: string;
	slug: string;
	fields: readonly Field[];
	raw: Record<string, string | boolean>;
	errors: Partial<Record<string, string>>;
	onChange: (name: string, value: string | boolean) => void;
	/** The current values as a query string, which is what an estimate item keeps. */
	query: string;
	/** Stack estimate items from the page's URL, kept by a submit without JavaScript. */
	estimate: readonly string[];
}

/**
 * Form state for a calculator island: the raw text of each input, the last valid values (what
 * the results use), errors by field, and the shareable query, kept in the address bar as the
 * visitor types so a copied link reproduces the result. `form` is everything its form needs.
 */
export function useCalculator<T extends FieldValues>(
	props: CalculatorPlace & {
		fields: readonly Field[];
		initial: T;
		errors: Partial<Record<string, string>>;
		typed: Partial<Record<string, string>>;
	},
) {
	const { fields, path } = props;
	const start = props;
	const [raw, setRaw] = useState<Record<string, string | boolean>>(() =>
		Object.fromEntries(
			fields.map((field) => {
				const value = start.initial[field.name];
				return [field.name, typeof value === 'boolean' ? value : (start.typed[field.name] ?? String(value))];
			}),
		),
	);
	const [valid, setValid] = useState<T>(start.initial);
	const [problems, setProblems] = useState<Partial<Record<string, string>>>(start.errors);

	const onChange = (name: string, value: string | boolean) => {
		const field = fields.find((candidate) => candidate.name === name);
		if (!field) return;
		setRaw((current) => ({ ...current, [name]: value }));
		const problem = typeof value === 'boolean' ? undefined : checkField(field, value);
		setProblems((current) => ({ ...current, [name]: problem }));
		if (problem) return;
		const parsed = field.kind === 'number' ? Number(value) : value;
		setValid((current) => {
			const next = { ...current, [name]: parsed } as T;
			history.replaceState(null, '', `${path}?${toQueryString(next)}`);
			return next;
		});
	};

	const query = useMemo(() => toQueryString(valid), [valid]);
	const form: FormState = {
		action: path,
		slug: props.slug,
		fields,
		raw,
		errors: problems,
		onChange,
		query,
		estimate: props.estimate,
	};
	return { values: valid, query, form };
}
