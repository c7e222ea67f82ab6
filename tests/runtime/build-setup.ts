import { ensureFreshBuild } from '../../scripts/lib/build';

/** The runtime tests that start their own Worker need only a fresh build. */
export default function setup() {
	ensureFreshBuild();
}
