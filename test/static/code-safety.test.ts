// Searches the application's own code for the two ways injection usually gets in: SQL built from strings, and
// HTML injected into React. Anything found fails the test unless it is on the short, justified list below.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOTS = ['app', 'db', 'scripts', 'server', 'server.js']

function sourceFiles(entry: string): string[] {
  const stat = fs.statSync(entry)
  if (stat.isFile()) return [entry]
  return fs.readdirSync(entry).flatMap((name) => {
    const full = path.join(entry, name)
    if (fs.statSync(full).isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx|js)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : []
  })
}

interface Hit {
  file: string
  line: number
  text: string
}

function find(pattern: RegExp): Hit[] {
  const hits: Hit[] = []
  for (const file of ROOTS.flatMap(sourceFiles)) {
    fs.readFileSync(file, 'utf8')
      .split('\n')
      .forEach((text, index) => {
        if (pattern.test(text)) hits.push({ file, line: index + 1, text: text.trim() })
      })
  }
  return hits
}

const where = (hits: Hit[]) => hits.map((h) => `${h.file}:${h.line}: ${h.text}`)

describe('the code', () => {
  it('never builds SQL from strings', () => {
    // sql.raw with anything but a plain string literal, or a query/exec/prepare call given a template with ${…}.
    const rawWithVariable = find(/sql\.raw\((?!\s*'[^'$]*'\s*\))/)
    const interpolated = find(/\.(query|exec|prepare)\(\s*`[^`]*\$\{/)
    const concatenated = find(/['"`]\s*(select|insert|update|delete|create|drop|alter)\b[^'"`]*['"`]\s*\+/i)
    // The one identifier SQL cannot take as a parameter: a database name, checked against /^[A-Za-z0-9_]+$/ first.
    const allowed = ['scripts/db/backup.ts: if (rows.length === 0) await client.query(`create database ${name}`)']
    const found = where([...rawWithVariable, ...interpolated, ...concatenated]).map((w) => w.replace(/:\d+:/, ':'))
    expect(found.filter((w) => !allowed.includes(w))).toEqual([])
    const guard = fs.readFileSync('scripts/db/backup.ts', 'utf8')
    expect(guard).toMatch(/if \(!\/\^\[A-Za-z0-9_\]\+\$\/\.test\(name\)\) throw/)
  })

  it('puts no HTML into React except the one fixed GOV.UK script', () => {
    const hits = where(find(/dangerouslySetInnerHTML/))
    expect(hits).toHaveLength(1)
    expect(hits[0]).toMatch(/^app\/root\.tsx:\d+: dangerouslySetInnerHTML=\{\{$/)
    // …and what it injects is a constant, not anything a user wrote.
    const root = fs.readFileSync('app/root.tsx', 'utf8')
    expect(root).toMatch(/dangerouslySetInnerHTML=\{\{\s*__html:\s*"document\.body\.className \+= ' js-enabled'/)
  })
})
