// How much memory and time reading the largest AWS offer file takes: the AmazonRDS stand-in for
// us-east-1 in CSV (tests/mocks/aws-rds-offer.ts; the real file is about 27 MB as JSON) streams
// through the price watch's digest for the RDS sheet, as an HTTP body would. The npm script caps
// Node's old-generation heap at 24 MB (a Worker has 128 MB), so finishing at all shows the reader
// holds only a row at a time; the sampled peak of the heap in use is printed too. The time
// includes generating the file in the same process, so the read alone is faster.
// Usage: npm run bench:offer-file -- [--mb 75]
import { parseArgs } from 'node:util';
import { readDatabaseDigest, digestDatabaseOffer } from '../../src/lib/price-watch/aws-database.ts';
import type { DatabaseSheet } from '../../src/lib/pricing/catalog.ts';
import { loadPriceCatalog } from '../../scripts/lib/content-data.ts';
import { rdsOfferLines } from '../mocks/aws-rds-offer.ts';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '75' } } });
const BYTES = Number(values.mb) * 1_000_000;
const sheet = loadPriceCatalog().database.find(
	(candidate) => candidate.id === 'database-aws-rds-postgres',
) as DatabaseSheet;
const match = sheet.watch.kind === 'aws-price-list' ? sheet.watch.match : {};

let bytes = 0;
let rows = 0;
const encoder = new TextEncoder();
const lines = rdsOfferLines(BYTES);
// An HTTP body: bytes in chunks of about 64 KB, decoded as they arrive.
const body = new ReadableStream<Uint8Array>({
	pull(controller) {
		let chunk = '';
		while (chunk.length < 65_536) {
			const next = lines.next();
			if (next.done) break;
			chunk += next.value;
			rows++;
		}
		if (chunk === '') return controller.close();
		const encoded = encoder.encode(chunk);
		bytes += encoded.byteLength;
		controller.enqueue(encoded);
	},
});
async function* text(stream: ReadableStream<Uint8Array>) {
	const decoder = new TextDecoder();
	for await (const chunk of stream) yield decoder.decode(chunk, { stream: true });
	yield decoder.decode();
}

globalThis.gc?.();
const baseline = process.memoryUsage().heapUsed;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 20);
const started = performance.now();
const digest = await digestDatabaseOffer(text(body), sheet, match);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().heapUsed);
const { observation } = readDatabaseDigest(digest, sheet);

const mb = (value: number) => (value / 1_000_000).toFixed(1);
console.log(`offer file (AmazonRDS stand-in, CSV)   ${mb(bytes)} MB, ${rows} lines`);
console.log(`generated and read in                  ${seconds.toFixed(2)} s (${mb(bytes / seconds)} MB/s)`);
const cap = process.execArgv.find((arg) => arg.startsWith('--max-old-space-size='))?.split('=')[1];
console.log(`peak heap in use                       ${mb(peak)} MB (started at ${mb(baseline)} MB)`);
console.log(`old-generation heap cap                ${cap ? `${cap} MB, and the read finished` : 'none'}`);
console.log(
	`digest kept                            ${digest.length} bytes, ${observation.prices.length} prices for ${observation.listed.size} items`,
);
