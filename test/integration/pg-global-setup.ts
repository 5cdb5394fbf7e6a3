import { execFileSync } from 'node:child_process'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../../db/connection'
import { migrateToLatest } from '../../db/migrate'

export const TEMPLATE_DATABASE = 'otm_template'

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl)
  url.pathname = `/${database}`
  return url.toString()
}

/**
 * Uses TEST_POSTGRES_URL when given (CI starts a throwaway server and sets it); otherwise starts a throwaway
 * server itself with scripts/postgres.sh. Migrates one template database that each test file clones.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_POSTGRES_URL
  let ownServer: string | null = null
  if (!adminUrl) {
    const output = execFileSync('bash', ['scripts/postgres.sh', 'start'], { encoding: 'utf8' })
    adminUrl = /TEST_POSTGRES_URL=(\S+)/.exec(output)![1]!
    ownServer = /OTM_PG_DIR=(\S+)/.exec(output)![1]!
  }
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`)
  await admin.query(`create database ${TEMPLATE_DATABASE}`)
  await admin.end()
  const template = openDatabase(databaseUrl(adminUrl, TEMPLATE_DATABASE), { poolSize: 1 })
  await migrateToLatest(template)
  await template.destroy()
  project.provide('postgresUrl', adminUrl)
  return async () => {
    if (ownServer) execFileSync('bash', ['scripts/postgres.sh', 'stop', ownServer])
  }
}
