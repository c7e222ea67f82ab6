// The components guides can use without importing anything (see docs/editing.md).
// Guide pages pass this object to <Content components={...} />.
import Callout from './Callout.astro';
import Comparison from './Comparison.astro';
import Figure from './Figure.astro';
import H2 from './H2.astro';
import H3 from './H3.astro';
import KeyNumber from './KeyNumber.astro';
import KeyNumbers from './KeyNumbers.astro';
import Steps from './Steps.astro';
import Tool from './Tool.astro';

/** Editor components by the name used in MDX, plus h2/h3 with section links. */
export const mdxComponents = {
	Callout,
	Comparison,
	Figure,
	KeyNumber,
	KeyNumbers,
	Steps,
	Tool,
	h2: H2,
	h3: H3,
};
