import fs from 'node:fs'
import path from 'node:path'
import { defineConfig } from 'vitest/config'
import LongestFirst from './test/support/sequencer'

const root = path.dirname(new URL(import.meta.url).pathname)

// The integration layer runs against PostgreSQL too whenever one is reachable: TEST_POSTGRES_URL, or the
// PostgreSQL server binaries, from which the layer starts a throwaway server of its own.
function postgresAvailable(): boolean {
  if (process.env.TEST_POSTGRES_URL) return true
  const dirs = ['/usr/local/bin', '/usr/bin', ...(fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`) : [])]
  return dirs.some((dir) => fs.existsSync(`${dir}/initdb`) && fs.existsSync(`${dir}/pg_ctl`))
}

const withPostgres = postgresAvailable()
if (!withPostgres) {
  if (process.env.CI === 'true') {
    throw new Error('CI=true but no PostgreSQL is reachable: set TEST_POSTGRES_URL or install the postgresql server (.ci/run does both).')
  }
  const line = '!'.repeat(78)
  console.warn(`\n${line}\n!!  NO POSTGRESQL: the integration layer runs on SQLite only on this machine.\n!!  Install it with: apt-get install -y postgresql (or set TEST_POSTGRES_URL)\n${line}\n`)
}

const INTEGRATION = ['test/integration/**/*.test.ts']
const SQLITE_ONLY = ['test/integration/**/*.sqlite.test.ts']
const POSTGRES_ONLY = ['test/integration/**/*.postgres.test.ts']

// Four layers, all run by `npm test`: unit (pure modules, beside the code), integration on SQLite and on
// PostgreSQL (loaders and actions against a real migrated database per test file) and e2e (the production
// build in real Chromium).
export default defineConfig({
  resolve: {
    alias: { '~': path.join(root, 'app') },
  },
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'test/static/**/*.test.ts'],
          environment: 'node',
          // The unit layer runs alone in its group, so both cores work on it (Vitest's default on two cores is one).
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: INTEGRATION,
          exclude: POSTGRES_ONLY,
          globalSetup: ['test/integration/global-setup.ts'],
          setupFiles: ['test/integration/setup.ts'],
          testTimeout: 30_000,
          // Both integration layers share one group: two files at a time keep both cores busy (one was Vitest's default).
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'integration-pg',
                include: INTEGRATION,
                exclude: SQLITE_ONLY,
                env: { OTM_TEST_DIALECT: 'postgres' },
                globalSetup: ['test/integration/pg-global-setup.ts'],
                setupFiles: ['test/integration/setup.ts'],
                testTimeout: 30_000,
                maxWorkers: 2,
                sequence: { groupOrder: 1 },
              },
            },
          ]
        : []),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
          // Two browser files at a time on two cores: a third (tried) made every file slower than it saved.
          maxWorkers: 2,
          // Tests marked concurrent (the reflow test's passes, one per role) run two at a time.
          maxConcurrency: 2,
          // Under load a page can take a few seconds to show what it was sent; a poll gives it 10 s.
          expect: { poll: { timeout: 10_000 } },
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
})
