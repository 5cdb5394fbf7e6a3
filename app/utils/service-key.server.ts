// A secret the service keys something with (the audit seal, signed links): from the environment; or, for development
// and the demo only, a random key the service makes on first use and keeps in a file under data/. A production
// deployment without the demo must set it: every instance needs the same key, and the database must not hold it.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { env } from './env.server'

export interface ServiceKey {
  /** The environment variable, for the message when it is missing. */
  variable: string
  /** Its value, if set. */
  configured: string | undefined
  /** What it keys, for the message: "seals the audit trail". */
  purpose: string
  /** Where development and the demo keep a generated key, relative to the working directory. */
  generatedFile: string
}

export function serviceKey(key: ServiceKey): Buffer {
  if (key.configured) return Buffer.from(key.configured, 'utf8')
  if (env().NODE_ENV === 'production' && env().OTM_DEMO === '0') {
    throw new Error(`${key.variable} must be set: the key that ${key.purpose} (see docs/deployment.md). For example: openssl rand -hex 32`)
  }
  return generatedKey(path.resolve(key.generatedFile))
}

function generatedKey(file: string): Buffer {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  try {
    // 'wx': of several processes starting at once, one writes the key and the others read it.
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  for (let attempt = 0; ; attempt++) {
    const text = fs.readFileSync(file, 'utf8').trim()
    if (text.length >= 32) return Buffer.from(text, 'utf8')
    // Another process has made the file but not yet written the key into it.
    if (attempt >= 50) throw new Error(`${file} does not hold a key`)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10)
  }
}
