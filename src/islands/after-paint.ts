// `client:after-paint`: hydrates an island once the browser reports the page's first contentful
// paint, not before. The island's JavaScript is then neither fetched nor run ahead of the first
// paint, even from the cache on a second visit, and the server-rendered form (which works without
// JavaScript) is on screen first. A tab opened in the background paints, and so hydrates, when it
// is shown. Paint timing is in every current engine (Chrome 60, Firefox 84, Safari 14.1, iOS
// 14.5: MDN browser-compat-data, api/PerformancePaintTiming.json); a browser without it keeps the
// server-rendered form, which submits and recalculates on the server.
import type { ClientDirective } from 'astro';

const afterPaint: ClientDirective = (load) => {
	new PerformanceObserver((entries, observer) => {
		if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
		observer.disconnect();
		setTimeout(async () => {
			const hydrate = await load();
			await hydrate();
		});
	}).observe({ type: 'paint', buffered: true });
};

export default afterPaint;
