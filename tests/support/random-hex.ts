/** 32 random hex digits, as in the site's ids (`job_…`, `inq_…`), for rows tests plant. */
export const randomHex = (): string => crypto.randomUUID().replace(/-/g, '');
