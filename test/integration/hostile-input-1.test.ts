import fs from 'node:fs'
import path from 'node:path'
import { data } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { db } from '../../app/utils/db.server'
import { CATALOGUE } from '../support/hostile-catalogue'
import { APPEND_ONLY, fuzzAction, type HostileTarget } from '../support/hostile'
import { hostileSuite } from '../support/hostile-suite'

hostileSuite(['login', 'logout', '$', 'admin.users.new', 'admin.users.$id', 'campaigns.new', 'campaigns.$ref.describe.edit'])

describe('the hostile-input catalogue', () => {
  it('has every route that has an action, so a new form cannot be left out', () => {
    const dir = path.resolve('app/routes')
    const withAction = fs
      .readdirSync(dir)
      .filter((file) => /\.(tsx|ts)$/.test(file) && !/\.test\.tsx?$/.test(file))
      .filter((file) => /export\s+(async\s+)?(function|const|let)\s+action\b|export\s*\{[^}]*\baction\b/.test(fs.readFileSync(path.join(dir, file), 'utf8')))
      .map((file) => file.replace(/\.tsx?$/, ''))
      .sort()
    expect(withAction.length).toBeGreaterThanOrEqual(29)
    expect(Object.keys(CATALOGUE).sort()).toEqual(withAction)
  })

  it('may digest the append-only tables by their ids: nothing in the app updates or deletes them', () => {
    const sources: string[] = []
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(full)
        else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) sources.push(fs.readFileSync(full, 'utf8'))
      }
    }
    walk(path.resolve('app'))
    expect(sources.length).toBeGreaterThan(50)
    for (const table of Object.keys(APPEND_ONLY)) {
      const write = new RegExp(`(updateTable|deleteFrom)\\(\\s*'${table}'`)
      expect(sources.filter((source) => write.test(source)), table).toEqual([])
    }
    expect(sources.some((source) => source.includes("insertInto('revision')"))).toBe(true)
  })

  it('is spread over the hostile-input test files, each entry once', () => {
    const files = fs.readdirSync(path.resolve('test/integration')).filter((f) => /^hostile-input-\d+\.test\.ts$/.test(f))
    const listed = files.flatMap((f) => [...fs.readFileSync(path.resolve('test/integration', f), 'utf8').matchAll(/hostileSuite\(\[([^\]]*)\]/g)].flatMap((m) => [...m[1]!.matchAll(/'([^']+)'/g)].map((q) => q[1]!)))
    expect(listed.sort()).toEqual(Object.keys(CATALOGUE).sort())
  })
})

describe('the hostile-input check itself', () => {
  const quick = { seed: 1, numRuns: 30 }
  const target = (action: HostileTarget['action'], tables: HostileTarget['tables'] = ['login_throttle']): HostileTarget => ({
    action,
    path: '/test',
    params: {},
    cookie: null,
    tables,
    baseline: async () => ({ form: [['name', 'Alex']] }),
  })

  it('passes an action that refuses with field errors and changes nothing', async () => {
    const summary = await fuzzAction(
      target(async ({ request }) => {
        const name = new URLSearchParams(await request.text()).get('name')
        return name === 'Alex' ? new Response(null, { status: 303, headers: { Location: '/' } }) : data({ errors: { name: 'Enter a name' } }, { status: 400 })
      }),
      quick,
    )
    expect(summary.runs).toBe(30)
  })

  it('fails an action that throws (a 500 to the user)', async () => {
    await expect(fuzzAction(target(() => JSON.parse('{') as unknown), quick)).rejects.toThrow(/The action threw/)
  })

  it('fails a 5xx answer', async () => {
    await expect(fuzzAction(target(() => new Response('oops', { status: 503 })), quick)).rejects.toThrow(/answered 503/)
  })

  it('fails a 400 that does not say which field is wrong', async () => {
    await expect(fuzzAction(target(() => data({ errors: {} }, { status: 400 })), quick)).rejects.toThrow(/without field errors/)
    await expect(fuzzAction(target(() => data({ errors: { name: '' } }, { status: 409 })), quick)).rejects.toThrow(/without field errors/)
  })

  it('fails a refusal that wrote to a table the form touches', async () => {
    const halfSaved = target(async () => {
      await db.insertInto('login_throttle').values({ key: crypto.randomUUID(), failures: 1, window_started_at: '2027-01-01T00:00:00Z', next_allowed_at: null, updated_at: '2027-01-01T00:00:00Z' }).execute()
      return data({ errors: { name: 'Enter a name' } }, { status: 400 })
    })
    await expect(fuzzAction(halfSaved, quick)).rejects.toThrow(/refusal changed login_throttle/)
  })
})
