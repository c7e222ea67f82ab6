import { describe, expect, it } from 'vitest';
import { formatMinutes } from '~/lib/format/duration';
import {
	allowedDowntimeMinutes,
	budgetSpentIn,
	errorBudget,
	hoursToExhaust,
	redundantAvailability,
	serialAvailability,
	WORKBOOK_BURN_RATE_ALERTS,
} from '~/lib/reliability/error-budget';

describe('error budgets', () => {
	it('gives 99.9% a budget of 43.2 minutes in 30 days and 8 h 46 min in a year', () => {
		expect(errorBudget(99.9)).toBe(0.001);
		expect(allowedDowntimeMinutes(99.9, 30)).toBe(43.2);
		expect(formatMinutes(allowedDowntimeMinutes(99.9, 365))).toBe('8 h 46 min');
	});

	it('refuses a target that is not a percentage below 100', () => {
		expect(() => errorBudget(100)).toThrow(/between 0 and 100/);
		expect(() => errorBudget(0.999 - 1)).toThrow(RangeError);
	});

	it('spends a 30-day budget in 50 hours at a 14.4× burn, and in 30 days at 1×', () => {
		expect(hoursToExhaust(14.4, 30)).toBe(50);
		expect(hoursToExhaust(1, 30)).toBe(720);
		expect(() => hoursToExhaust(0, 30)).toThrow(/positive/);
	});

	it("reproduces the Workbook's budget spent by each alert's long window", () => {
		for (const alert of WORKBOOK_BURN_RATE_ALERTS)
			expect(budgetSpentIn(alert.burnRate, alert.longWindowHours, 30)).toBe(alert.budgetSpent);
	});

	it('multiplies serial dependencies and compounds independent replicas', () => {
		expect(serialAvailability([99.9, 99.9, 99.9])).toBeCloseTo(99.7003, 4);
		expect(serialAvailability([])).toBe(100);
		expect(redundantAvailability(99, 2)).toBe(99.99);
	});
});

describe('formatMinutes', () => {
	it('picks the unit a reader expects', () => {
		expect(formatMinutes(0.5)).toBe('30 s');
		expect(formatMinutes(4.32)).toBe('4.3 min');
		expect(formatMinutes(438)).toBe('7 h 18 min');
		expect(formatMinutes(120)).toBe('2 h');
		expect(formatMinutes(3000)).toBe('2.1 days');
	});
});
