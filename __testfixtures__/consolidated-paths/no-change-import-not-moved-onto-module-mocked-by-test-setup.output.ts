// The real helper: the package root (src/common) is mocked by the test setup (vitest.config.ts ➔ test/setup.ts).
import { formatId } from '../common/format';

export const label = formatId(7);
