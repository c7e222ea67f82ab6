// `client:after-paint`: hydrates an island once the page has painted, not before. The first
// animation frame runs just before the first paint; a task queued from it runs just after. So the
// island's JavaScript is neither fetched nor run ahead of the first paint, even when it comes
// from the cache on a second visit, and the server-rendered form (which works without
// JavaScript) is on screen first. A tab opened in the background hydrates when it is shown.
import type { ClientDirective } from 'astro';

const afterPaint: ClientDirective = (load) => {
	requestAnimationFrame(() =>
		setTimeout(async () => {
			const hydrate = await load();
			await hydrate();
		}),
	);
};

export default afterPaint;
