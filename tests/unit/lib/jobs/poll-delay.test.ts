import { describe, expect, it } from 'vitest';
import { nextPollDelay, POLL } from '~/lib/jobs/poll-delay';

describe('nextPollDelay', () => {
	it('looks again soon after the job moved', () => {
		expect(nextPollDelay(9000, 'changed', null)).toBe(POLL.firstMs);
	});

	it('waits half as long again after each unchanged answer, up to 15 s', () => {
		const delays: number[] = [POLL.firstMs];
		for (let poll = 0; poll < 8; poll++) delays.push(nextPollDelay(delays.at(-1) ?? 0, 'unchanged', null));
		expect(delays).toEqual([1000, 1500, 2250, 3375, 5062.5, 7593.75, 11390.625, 15000, 15000]);
	});

	it('backs off faster after an error', () => {
		expect(nextPollDelay(1000, 'error', null)).toBe(3000);
	});

	it('never asks sooner than Retry-After, nor waits longer than the maximum for it', () => {
		expect(nextPollDelay(1000, 'changed', 30)).toBe(15_000);
		expect(nextPollDelay(1000, 'unchanged', 4)).toBe(4000);
		expect(nextPollDelay(1000, 'unchanged', Number.NaN)).toBe(1500);
	});
});
