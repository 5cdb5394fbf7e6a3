// Starts the longest files first, so no long file is left running alone at the end of the run. Vitest does this by
// itself from the durations it cached on an earlier run, but a fresh clone (as in CI) has no cache, and it would
// start the files in name order. The browser files below are the slowest by far (each measured at 1 to 6 minutes on
// a busy 2-core machine); what is not listed follows in Vitest's own order.
import path from 'node:path'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

const LONGEST_FIRST = [
  'test/e2e/reflow.test.ts',
  'test/e2e/error-focus.test.ts',
  'test/e2e/lines-scripts.test.ts',
  'test/e2e/notifications.test.ts',
  'test/e2e/identity.test.ts',
  'test/e2e/messages.test.ts',
  'test/e2e/welsh.test.ts',
  'test/e2e/security.test.ts',
  'test/e2e/crash.test.ts',
  'test/e2e/http-edge.test.ts',
]

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files)
    const rank = (file: TestSpecification) => {
      const index = LONGEST_FIRST.indexOf(path.relative(this.ctx.config.root, file.moduleId).split(path.sep).join('/'))
      return index === -1 ? LONGEST_FIRST.length : index
    }
    // Array.prototype.sort is stable: files not listed keep Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b))
  }
}
