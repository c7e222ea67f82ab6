// Astro's Preact hydration entry without its signals support. None of our islands takes a
// signal as a prop, and that support (a lazy import plus Vite's preload helper) cost every page
// with an island about 1.2 KB gzipped. astro.config.mjs points @astrojs/preact/client.js here;
// the rest follows that file (@astrojs/preact 6): slots, useId masks, client:only, unmount.
import { h, hydrate, render, type ComponentChildren, type FunctionComponent } from 'preact';

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

/** Each island's own id prefix for useId, as Astro rendered it on the server. */
function islandMask(element: HTMLElement): number | string | null {
	const id = element.getAttribute('data-preact-island-id');
	const parsed = id === null ? Number.NaN : Number.parseInt(id, 10);
	return Number.isNaN(parsed) ? element.getAttribute('uid') : parsed;
}

export default (element: HTMLElement) =>
	(
		Component: FunctionComponent,
		props: Record<string, unknown>,
		{ default: children, ...slotted }: Record<string, string | undefined>,
		{ client }: { client: string },
	) => {
		if (!element.hasAttribute('ssr')) return;
		for (const [name, value] of Object.entries(slotted)) props[name] = h(StaticHtml, { value, name });
		const child = h(
			Component,
			props,
			(children == null ? children : h(StaticHtml, { value: children })) as ComponentChildren,
		);
		const mask = islandMask(element);
		if (mask !== null) {
			const vnode = child as unknown as Record<string, unknown>;
			vnode._mask = vnode.__m = [mask, 0];
		}
		if (client === 'only') {
			element.innerHTML = '';
			render(child, element);
		} else {
			hydrate(child, element);
		}
		element.addEventListener('astro:unmount', () => render(null, element), { once: true });
	};
