import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import { chromiumPath } from '../support/browser'

/** Builds the production bundle once for every browser test, and makes sure there is a browser to drive. */
export default async function setup() {
  const browser = chromiumPath()
  if (!browser) {
    if (process.env.CI === 'true') {
      throw new Error('Chromium is required under CI=true but was not found. .ci/run installs it with apt-get (package "chromium").')
    }
    const line = '!'.repeat(78)
    console.warn(`\n${line}\n!!  CHROMIUM NOT FOUND: the browser tests will be SKIPPED on this machine.\n!!  Install it with: apt-get update && apt-get install -y chromium\n${line}\n`)
    process.env.OTM_E2E_SKIP = '1'
    return
  }
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' }
  execFileSync(process.execPath, ['scripts/copy-govuk-assets.js'], { stdio: 'inherit', env })
  execFileSync(process.execPath, ['node_modules/@remix-run/dev/dist/cli.js', 'build'], { stdio: 'inherit', env })
  if (!fs.existsSync('build/index.js')) throw new Error('The production build did not produce build/index.js')
}
