/** The part of a D1 binding this wrapper changes; the rest passes through. */
type Batching = Pick<D1Database, 'batch'>;

/**
 * A D1 database whose `batch` calls made in the same turn of the event loop go to D1 as one
 * batch. The queue consumer runs a batch's messages side by side, and each claims and settles
 * its job with a small batch of its own; coalesced, ten messages cost D1 one claim round trip
 * instead of ten, which keeps the database free for the requests being answered meanwhile.
 * Each caller still gets exactly its own results. A D1 batch is one transaction, so if the
 * combined batch fails, each caller's statements are sent again on their own: one bad statement
 * fails only its caller.
 */
export function coalescingBatches<Database extends Batching>(db: Database): Database {
	let waiting: { statements: D1PreparedStatement[]; settle: Settle }[] = [];

	const flush = async () => {
		const callers = waiting;
		waiting = [];
		if (callers.length === 1) return sendAlone(db, callers[0]!);
		try {
			const results = await db.batch(callers.flatMap((caller) => caller.statements));
			let offset = 0;
			for (const caller of callers) {
				caller.settle.resolve(results.slice(offset, offset + caller.statements.length));
				offset += caller.statements.length;
			}
		} catch {
			await Promise.all(callers.map((caller) => sendAlone(db, caller)));
		}
	};

	const batch = <T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> =>
		new Promise((resolve, reject) => {
			if (waiting.length === 0) setTimeout(flush, 0);
			waiting.push({ statements, settle: { resolve: resolve as Settle['resolve'], reject } });
		});

	return new Proxy(db, {
		get: (target, property, receiver) =>
			property === 'batch' ? batch : bound(Reflect.get(target, property, receiver), target),
	});
}

interface Settle {
	resolve: (results: D1Result<unknown>[]) => void;
	reject: (error: unknown) => void;
}

async function sendAlone(db: Batching, caller: { statements: D1PreparedStatement[]; settle: Settle }) {
	try {
		caller.settle.resolve(await db.batch(caller.statements));
	} catch (error) {
		caller.settle.reject(error);
	}
}

/** Methods of a native binding must be called on the binding itself. */
const bound = (value: unknown, target: object) =>
	typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
