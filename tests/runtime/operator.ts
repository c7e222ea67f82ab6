import { TEST_SECRETS } from './global-setup';
import { url } from './http';

/** Basic-auth credentials for the operator console, as a browser would send them. */
export const operatorAuth = { authorization: `Basic ${btoa(`ops:${TEST_SECRETS.admin}`)}` };

/** Posts an operator action the way the console's buttons do (a same-site form post). */
export const operatorAction = (fields: Record<string, string>) =>
	fetch(url('/admin/actions'), {
		method: 'POST',
		redirect: 'manual',
		headers: {
			...operatorAuth,
			'content-type': 'application/x-www-form-urlencoded',
			origin: new URL(url('/')).origin,
		},
		body: new URLSearchParams(fields).toString(),
	});
