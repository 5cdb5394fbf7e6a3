// A PostgreSQL database for tests outside the integration layer (two app instances, load): TEST_POSTGRES_URL's
// server, or a throwaway one started with scripts/postgres.sh. Under CI=true a missing server is a failure.
import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'

export function postgresBinariesPresent(): boolean {
  const dirs = ['/usr/local/bin', '/usr/bin', ...(fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql').map((v) => `/usr/lib/postgresql/${v}/bin`) : [])]
  return dirs.some((dir) => fs.existsSync(`${dir}/initdb`) && fs.existsSync(`${dir}/pg_ctl`))
}

export const postgresUnavailable = !process.env.TEST_POSTGRES_URL && !postgresBinariesPresent()
if (postgresUnavailable && process.env.CI === 'true') {
  throw new Error('CI=true but no PostgreSQL is reachable: set TEST_POSTGRES_URL or install the postgresql server.')
}

export interface TestPostgres {
  url: string
  stop: () => Promise<void>
}

/** A fresh, empty database; dropped (and the throwaway server stopped) by stop(). */
export async function freshPostgresDatabase(): Promise<TestPostgres> {
  let adminUrl = process.env.TEST_POSTGRES_URL
  let ownServer: string | null = null
  if (!adminUrl) {
    const output = execFileSync('bash', ['scripts/postgres.sh', 'start'], { encoding: 'utf8' })
    adminUrl = /TEST_POSTGRES_URL=(\S+)/.exec(output)![1]!
    ownServer = /OTM_PG_DIR=(\S+)/.exec(output)![1]!
  }
  const name = `instances_${crypto.randomUUID().replace(/-/g, '')}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    stop: async () => {
      const client = new pg.Client({ connectionString: adminUrl })
      await client.connect()
      await client.query(`drop database if exists ${name} with (force)`)
      await client.end()
      if (ownServer) execFileSync('bash', ['scripts/postgres.sh', 'stop', ownServer])
    },
  }
}
