import { defaultsOf, type Field, type FieldValues } from './fields.ts';

/** A named starting point for a calculator. */
export interface Preset<T extends FieldValues> {
	id: string;
	label: string;
	values: Partial<T>;
}

/**
 * A calculator's values for a preset (or its defaults when `presetId` is undefined).
 * @throws Error naming the known presets, so a typo in a guide fails the build.
 */
export function valuesForPreset<T extends FieldValues>(
	fields: readonly Field[],
	presets: readonly Preset<T>[],
	presetId: string | undefined,
): T {
	const defaults = defaultsOf<T>(fields);
	if (presetId === undefined) return defaults;
	const preset = presets.find((candidate) => candidate.id === presetId);
	if (!preset)
		throw new Error(
			`Unknown preset "${presetId}". Use one of: ${presets.map((p) => p.id).join(', ') || '(none)'}`,
		);
	return { ...defaults, ...preset.values } as T;
}
