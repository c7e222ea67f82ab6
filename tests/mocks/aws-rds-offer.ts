// A stand-in for the largest upstream the price watch reads: AWS's AmazonRDS offer file for
// us-east-1 in CSV (the JSON form is about 27 MB). Its columns are the real file's (as in a public
// copy of its header, tests/mocks/upstreams/README.md). The on-demand rows our two database sheets
// use carry AWS's us-east-1 prices as our sheets cite them; the rest are synthetic reserved-term
// and other-engine rows, generated up to the size asked for, so a reader must stream past them.

const COLUMNS = [
	'SKU',
	'OfferTermCode',
	'RateCode',
	'TermType',
	'PriceDescription',
	'EffectiveDate',
	'StartingRange',
	'EndingRange',
	'Unit',
	'PricePerUnit',
	'Currency',
	'RelatedTo',
	'LeaseContractLength',
	'PurchaseOption',
	'OfferingClass',
	'Product Family',
	'serviceCode',
	'Location',
	'Location Type',
	'Instance Type',
	'Current Generation',
	'Instance Family',
	'vCPU',
	'Physical Processor',
	'Clock Speed',
	'Memory',
	'Storage',
	'Network Performance',
	'Processor Architecture',
	'Storage Media',
	'Volume Type',
	'Min Volume Size',
	'Max Volume Size',
	'Engine Code',
	'Database Engine',
	'Database Edition',
	'License Model',
	'Deployment Option',
	'Group',
	'Group Description',
	'usageType',
	'operation',
	'ACU',
	'Dedicated EBS Throughput',
	'Deployment Model',
	'Engine Major Version',
	'Engine Media Type',
	'Enhanced Networking Supported',
	'Extended Support Pricing Year',
	'Instance Type Family',
	'LimitlessPreview',
	'Normalization Size Factor',
	'Processor Features',
	'Region Code',
	'serviceName',
	'Unbundled Licensing',
	'Volume Name',
	'WindowsLicenseMultiplier',
] as const;
type Column = (typeof COLUMNS)[number];

const csvLine = (values: Partial<Record<Column, string>>) =>
	COLUMNS.map((column) => {
		const value = values[column];
		return value === undefined || value === '' ? '' : `"${value.replaceAll('"', '""')}"`;
	}).join(',') + '\n';

const REGION = {
	Location: 'US East (N. Virginia)',
	'Location Type': 'AWS Region',
	'Region Code': 'us-east-1',
};
let skuCounter = 0;
const sku = () => `SYN${(skuCounter++).toString(36).toUpperCase().padStart(13, '0')}`;

function onDemand(unit: string, usd: string, description: string, values: Partial<Record<Column, string>>) {
	const id = sku();
	return csvLine({
		SKU: id,
		OfferTermCode: 'JRTCKXETXF',
		RateCode: `${id}.JRTCKXETXF.6YS6EN2CT7`,
		TermType: 'OnDemand',
		PriceDescription: description,
		EffectiveDate: '2026-11-01',
		StartingRange: '0',
		EndingRange: 'Inf',
		Unit: unit,
		PricePerUnit: usd,
		Currency: 'USD',
		serviceCode: 'AmazonRDS',
		serviceName: 'Amazon Relational Database Service',
		...REGION,
		...values,
	});
}

/** RDS for PostgreSQL sizes: [class, Single-AZ $/h, Multi-AZ $/h], as content/pricing cites them. */
const POSTGRES_SIZES: [string, string, string][] = [
	['db.t4g.micro', '0.016', '0.032'],
	['db.t4g.small', '0.032', '0.064'],
	['db.t4g.medium', '0.065', '0.13'],
	['db.t4g.large', '0.129', '0.258'],
	['db.t4g.xlarge', '0.258', '0.516'],
	['db.t4g.2xlarge', '0.516', '1.032'],
	['db.m7g.large', '0.168', '0.336'],
	['db.m7g.xlarge', '0.336', '0.672'],
	['db.m7g.2xlarge', '0.672', '1.344'],
	['db.m7g.4xlarge', '1.344', '2.688'],
];

function* pricedRows(): Generator<string> {
	for (const [size, single, multi] of POSTGRES_SIZES) {
		for (const [deployment, usageType, usd] of [
			['Single-AZ', `InstanceUsage:${size}`, single],
			['Multi-AZ', `Multi-AZUsage:${size}`, multi],
		] as const) {
			const instance = {
				'Product Family': 'Database Instance',
				'Instance Type': size,
				'Database Engine': 'PostgreSQL',
				'Engine Code': '14',
				'License Model': 'No license required',
				'Deployment Option': deployment,
				usageType,
				operation: 'CreateDBInstance:0014',
			};
			yield onDemand(
				'Hrs',
				`${usd}00000000`.slice(0, 12),
				`USD ${usd} per RDS ${size} ${deployment} instance hour (or partial hour) running PostgreSQL`,
				instance,
			);
			// The same usage type for another engine: only the engine tells them apart.
			yield onDemand(
				'Hrs',
				`${usd}00000000`.slice(0, 12),
				`USD ${usd} per RDS ${size} ${deployment} instance hour (or partial hour) running MySQL`,
				{
					...instance,
					'Database Engine': 'MySQL',
					'Engine Code': '2',
					operation: 'CreateDBInstance:0002',
				},
			);
		}
	}
	const storage = (usageType: string, unit: string, usd: string, description: string, volume: string) =>
		onDemand(unit, usd, description, {
			'Product Family': unit === 'IOPS-Mo' ? 'Provisioned IOPS' : 'Database Storage',
			'Database Engine': 'Any',
			'Volume Type': volume,
			usageType,
			operation: 'CreateDBInstance:0014',
		});
	yield storage(
		'RDS:GP3-Storage',
		'GB-Mo',
		'0.1150000000',
		'$0.115 per GB-month of gp3 storage',
		'General Purpose-GP3',
	);
	yield storage(
		'RDS:Multi-AZ-GP3-Storage',
		'GB-Mo',
		'0.2300000000',
		'$0.23 per GB-month of gp3 storage, Multi-AZ',
		'General Purpose-GP3',
	);
	yield storage(
		'RDS:GP3-PIOPS',
		'IOPS-Mo',
		'0.0200000000',
		'$0.02 per IOPS-month of gp3 above the baseline',
		'General Purpose-GP3',
	);
	yield storage(
		'RDS:Multi-AZ-GP3-PIOPS',
		'IOPS-Mo',
		'0.0400000000',
		'$0.04 per IOPS-month of gp3 above the baseline, Multi-AZ',
		'General Purpose-GP3',
	);
	yield onDemand('GB-Mo', '0.0950000000', '$0.095 per additional GB-month of backup storage', {
		'Product Family': 'Storage Snapshot',
		usageType: 'RDS:ChargedBackupUsage',
	});

	const aurora = (usageType: string, unit: string, usd: string, description: string, family: string) =>
		onDemand(unit, usd, description, {
			'Product Family': family,
			'Database Engine': 'Aurora PostgreSQL',
			usageType,
		});
	yield aurora(
		'Aurora:ServerlessV2Usage',
		'ACU-Hr',
		'0.1200000000',
		'$0.12 per Aurora Capacity Unit hour running Aurora PostgreSQL Serverless v2',
		'ServerlessV2',
	);
	yield aurora(
		'Aurora:ServerlessV2IOOptimizedUsage',
		'ACU-Hr',
		'0.1600000000',
		'$0.16 per ACU hour running Aurora PostgreSQL Serverless v2 (I/O-Optimized)',
		'ServerlessV2',
	);
	// The retired Serverless v1: a usage type the sheet must not be read from.
	yield aurora(
		'Aurora:ServerlessUsage',
		'ACU-Hr',
		'0.0600000000',
		'$0.06 per ACU hour running Aurora PostgreSQL Serverless',
		'Serverless',
	);
	yield aurora(
		'Aurora:StorageUsage',
		'GB-Mo',
		'0.1000000000',
		'$0.10 per GB-month of Aurora storage',
		'Database Storage',
	);
	yield aurora(
		'Aurora:IO-OptimizedStorageUsage',
		'GB-Mo',
		'0.2250000000',
		'$0.225 per GB-month of Aurora I/O-Optimized storage',
		'Database Storage',
	);
	yield aurora(
		'Aurora:StorageIOUsage',
		'IOs',
		'0.0000002000',
		'$0.20 per 1 million I/O requests',
		'System Operation',
	);
	yield aurora(
		'Aurora:BackupUsage',
		'GB-Mo',
		'0.0210000000',
		'$0.021 per additional GB-month of backup storage',
		'Storage Snapshot',
	);
}

const FAMILIES = ['m5', 'm6g', 'm6i', 'm7g', 'r5', 'r6g', 'r6i', 'r7g', 't3', 't4g', 'x2g', 'z1d'];
const SIZES = ['large', 'xlarge', '2xlarge', '4xlarge', '8xlarge', '12xlarge', '16xlarge', '24xlarge'];
const ENGINES = ['MySQL', 'PostgreSQL', 'MariaDB', 'Oracle', 'SQL Server'];
const OPTIONS = ['No Upfront', 'Partial Upfront', 'All Upfront'];

/** Reserved-term rows for many engines and classes, in a fixed order, forever. */
function* fillerRows(): Generator<string> {
	for (let round = 0; ; round++)
		for (const family of FAMILIES)
			for (const size of SIZES)
				for (const engine of ENGINES)
					for (const deployment of ['Single-AZ', 'Multi-AZ'])
						for (const lease of ['1yr', '3yr'])
							for (const option of OPTIONS) {
								const id = sku();
								yield csvLine({
									SKU: id,
									OfferTermCode: `R${round}${lease}${option.length}`,
									RateCode: `${id}.R${round}.2TG2D8R56U`,
									TermType: 'Reserved',
									PriceDescription: `${option} reservation of db.${family}.${size} ${deployment} running ${engine}`,
									EffectiveDate: '2026-11-01',
									StartingRange: '0',
									EndingRange: 'Inf',
									Unit: option === 'All Upfront' ? 'Quantity' : 'Hrs',
									PricePerUnit: (((size.length * 37 + family.length * 11) % 90) / 100 + 0.01).toFixed(10),
									Currency: 'USD',
									LeaseContractLength: lease,
									PurchaseOption: option,
									OfferingClass: 'standard',
									'Product Family': 'Database Instance',
									serviceCode: 'AmazonRDS',
									...REGION,
									'Instance Type': `db.${family}.${size}`,
									'Current Generation': 'Yes',
									'Database Engine': engine,
									'Deployment Option': deployment,
									usageType: `${deployment === 'Multi-AZ' ? 'Multi-AZUsage' : 'InstanceUsage'}:db.${family}.${size}`,
									serviceName: 'Amazon Relational Database Service',
								});
							}
}

/**
 * The offer file's lines: its metadata, header, our on-demand rows spread through it, and
 * synthetic rows until it holds about `bytes`.
 */
export function* rdsOfferLines(bytes: number, published = '2026-11-20T10:00:00Z'): Generator<string> {
	skuCounter = 0;
	const preamble = [
		'"FormatVersion","v1.0"\n',
		'"Disclaimer","This pricing list is for informational purposes only. Synthetic stand-in for tests."\n',
		`"Publication Date","${published}"\n`,
		`"Version","${published.replace(/\D/g, '').slice(0, 14)}"\n`,
		'"OfferCode","AmazonRDS"\n',
		csvLine(Object.fromEntries(COLUMNS.map((column) => [column, column]))),
	];
	let written = 0;
	for (const line of preamble) {
		written += line.length;
		yield line;
	}
	const priced = [...pricedRows()];
	const filler = fillerRows();
	// Our rows go in evenly through the file, the last one near its end.
	const estimatedRows = Math.max(priced.length, Math.ceil(bytes / 520));
	const every = Math.max(1, Math.floor(estimatedRows / priced.length));
	for (let index = 0; written < bytes || priced.length > 0; index++) {
		const line = index % every === every - 1 && priced.length > 0 ? priced.shift()! : filler.next().value!;
		written += line.length;
		yield line;
	}
}

/** The whole file as one string (the mock services serve it; about `bytes` long). */
export const rdsOfferCsv = (bytes: number, published?: string) =>
	[...rdsOfferLines(bytes, published)].join('');
