import type { ReportSubject } from '../calculators/define.ts';
import { CALCULATORS } from '../calculators/registry.ts';
import { estimateSubject } from '../estimate/subject.ts';

/** What a full report can be built for: every calculator, and the stack estimate. */
export const REPORT_SUBJECTS: Record<string, ReportSubject> = { ...CALCULATORS, estimate: estimateSubject };

/** The report subject with this slug, or undefined: callers answer 400, never another subject. */
export const findReportSubject = (slug: unknown): ReportSubject | undefined =>
	typeof slug === 'string' && Object.hasOwn(REPORT_SUBJECTS, slug) ? REPORT_SUBJECTS[slug] : undefined;
