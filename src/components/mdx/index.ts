// The components guides can use without importing anything (see docs/editing.md).
// Guide pages pass this object to <Content components={...} />.
import Advisory from './Advisory.astro';
import AvailabilityTable from './AvailabilityTable.astro';
import Bars from './Bars.astro';
import BurnRateChart from './BurnRateChart.astro';
import Callout from './Callout.astro';
import CodeBlock from './CodeBlock.astro';
import Comparison from './Comparison.astro';
import Cost from './Cost.astro';
import CostBars from './CostBars.astro';
import CostTable from './CostTable.astro';
import Figure from './Figure.astro';
import Flow from './Flow.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import KeyNumber from './KeyNumber.astro';
import KeyNumbers from './KeyNumbers.astro';
import Sequence from './Sequence.astro';
import Steps from './Steps.astro';
import Tool from './Tool.astro';
import UnitPrice from './UnitPrice.astro';

/** Editor components by the name used in MDX, plus h2/h3 with section links and keyboard-scrollable code. */
export const mdxComponents = {
	Advisory,
	AvailabilityTable,
	Bars,
	BurnRateChart,
	Callout,
	Comparison,
	Cost,
	CostBars,
	CostTable,
	Figure,
	Flow,
	KeyNumber,
	KeyNumbers,
	Sequence,
	Steps,
	Tool,
	UnitPrice,
	h2: H2,
	h3: H3,
	pre: CodeBlock,
};
