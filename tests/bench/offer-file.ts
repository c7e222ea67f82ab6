// How much memory reading the largest AWS offer file takes: a synthetic file shaped like AmazonRDS
// for us-east-1 in CSV (the real one is about 27 MB as JSON) streams through the price watch's
// reader as an HTTP body would. The npm script caps Node's old-generation heap at 16 MB (a Worker
// has 128 MB), so finishing at all shows the reader holds only a row at a time; the sampled peak
// of the heap in use is printed too. Prints size, rows, time and peak heap.
// Usage: npm run bench:offer-file -- [--rows 150000]
import { parseArgs } from 'node:util';
import { readAwsOfferCsv } from '../../src/lib/price-watch/aws-offer-csv.ts';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '150000' } } });
const ROWS = Number(values.rows);

const header =
	'"SKU","OfferTermCode","RateCode","TermType","PriceDescription","EffectiveDate","StartingRange","EndingRange","Unit","PricePerUnit","Currency","RelatedTo","LeaseContractLength","PurchaseOption","OfferingClass","Product Family","serviceCode","Location","Location Type","Instance Type","Current Generation","Instance Family","vCPU","Memory","Storage","Network Performance","Database Engine","Deployment Option","usageType","operation","Region Code"';
const row = (index: number) => {
	const size = index === ROWS - 1 ? 'db.t4g.micro' : `db.synthetic${index}.large`;
	return `"SKU${index}","JRTCKXETXF","SKU${index}.JRTCKXETXF.6YS6EN2CT7","OnDemand","USD 0.016 per ${size} Single-AZ instance hour (or partial hour) running PostgreSQL","2026-11-01","0","Inf","Hrs","0.0160000000","USD","","","","","Database Instance","AmazonRDS","US East (N. Virginia)","AWS Region","${size}","Yes","General purpose","2","1 GiB","EBS Only","Up to 5 Gigabit","PostgreSQL","Single-AZ","InstanceUsage:${size}","CreateDBInstance:0014","us-east-1"\n`;
};

let bytes = 0;
const encoder = new TextEncoder();
const body = new ReadableStream<Uint8Array>({
	start(controller) {
		const preamble = `"FormatVersion","v1.0"\n"Disclaimer","synthetic"\n"Publication Date","2026-11-20T10:00:00Z"\n"Version","1"\n"OfferCode","AmazonRDS"\n${header}\n`;
		controller.enqueue(encoder.encode(preamble));
		bytes += preamble.length;
	},
	index: 0,
	pull(controller) {
		let chunk = '';
		for (let count = 0; count < 500 && this.index < ROWS; count++) chunk += row(this.index++);
		if (chunk === '') return controller.close();
		bytes += chunk.length;
		controller.enqueue(encoder.encode(chunk));
	},
} as UnderlyingDefaultSource<Uint8Array> & { index: number });

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
const read = await readAwsOfferCsv(text(body), [
	{
		key: 'db.t4g.micro',
		attributes: { usageType: 'InstanceUsage:db.t4g.micro', 'Database Engine': 'PostgreSQL' },
	},
]);
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().heapUsed);

const mb = (value: number) => (value / 1_000_000).toFixed(1);
console.log(`offer file (synthetic AmazonRDS, CSV)  ${mb(bytes)} MB, ${read.rowsRead} rows`);
console.log(`read in                                ${seconds.toFixed(2)} s (${mb(bytes / seconds)} MB/s)`);
const cap = process.execArgv.find((arg) => arg.startsWith('--max-old-space-size='))?.split('=')[1];
console.log(`peak heap in use                       ${mb(peak)} MB (started at ${mb(baseline)} MB)`);
console.log(`old-generation heap cap                ${cap ? `${cap} MB, and the read finished` : 'none'}`);
console.log(`kept                                   ${JSON.stringify(read.bands.get('db.t4g.micro'))}`);
