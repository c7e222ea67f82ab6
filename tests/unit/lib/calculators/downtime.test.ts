import { describe, expect, it } from 'vitest';
import { estimateDowntime } from '~/lib/calculators/downtime/compute';

const base = {
	revenuePerHour: 2000,
	revenueAffectedPct: 50,
	idleStaffCostPerHour: 400,
	recoveryCostPerHour: 100,
	sla: '0.999',
} as const;

describe('estimateDowntime', () => {
	it('adds lost revenue, idle staff and recovery into a cost per hour', () => {
		expect(estimateDowntime(base).costPerHourUsd).toBe(2000 * 0.5 + 400 + 100);
	});

	it.each([
		['0.99', 438.3, 87.66],
		['0.999', 43.8, 8.77],
		['0.9995', 21.9, 4.38],
		['0.9999', 4.4, 0.88],
	] as const)('allows the textbook downtime for %s', (sla, minutesPerMonth, hoursPerYear) => {
		const result = estimateDowntime({ ...base, sla });
		expect(result.allowedMinutesPerMonth).toBeCloseTo(minutesPerMonth, 1);
		expect(result.allowedHoursPerYear).toBeCloseTo(hoursPerYear, 2);
	});

	it('prices a year that uses the whole error budget', () => {
		const result = estimateDowntime(base);
		expect(result.expectedYearlyCostUsd).toBeCloseTo(0.001 * 365.2425 * 24 * 1500, 2);
		expect(result.errorBudget).toBe(0.001);
	});
});
