// Astro's Preact hydration entry without its signals support. None of our islands takes a
// signal as a prop, and that support (a lazy import plus Vite's preload helper) cost every page
// with an island about 1.2 KB gzipped. astro.config.mjs points @astrojs/preact/client.js here;
// the rest follows that file (@astrojs/preact 6) for slots. Left out as well, since nothing here
// uses them (tests/unit/islands-contract.test.ts checks): useId's per-island masks, `client:only`,
// and unmounting on `astro:unmount`, which only view transitions send.
import { h, hydrate, type ComponentChildren, type FunctionComponent } from 'preact';

interface SlotProps {
	value?: string | undefined;
	name?: string | undefined;
	hydrate?: boolean;
}

/** Server-rendered slot content, kept as it is: Preact never diffs it. */
const StaticHtml: FunctionComponent<SlotProps> & { shouldComponentUpdate?: () => boolean } = ({
	value,
	name,
	hydrate: live = true,
}) =>
	value
		? h(live ? 'astro-slot' : 'astro-static-slot', { name, dangerouslySetInnerHTML: { __html: value } })
		: null;
StaticHtml.shouldComponentUpdate = () => false;

export default (element: HTMLElement) =>
	(
		Component: FunctionComponent,
		props: Record<string, unknown>,
		{ default: children, ...slotted }: Record<string, string | undefined>,
	) => {
		if (!element.hasAttribute('ssr')) return;
		for (const [name, value] of Object.entries(slotted)) props[name] = h(StaticHtml, { value, name });
		hydrate(
			h(
				Component,
				props,
				(children == null ? children : h(StaticHtml, { value: children })) as ComponentChildren,
			),
			element,
		);
	};
