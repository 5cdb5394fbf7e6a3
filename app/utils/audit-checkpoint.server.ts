// The audit trail's checkpoint: the newest event's id and hash, sealed with the audit key, kept in a file outside
// the database. A database writer can delete the newest events and leave a chain that still verifies; the
// checkpoint still names the event they deleted. After every commit that added events the file is brought up to
// date (one write at a time per process, coalesced), but never over a checkpoint whose event the database no longer
// holds: that evidence stays until someone looks at it.
import fs from 'node:fs'
import path from 'node:path'
import { dialectForUrl } from '../../db/dialect'
import { sqlitePath } from '../../db/connection'
import type { Db } from '../../db/connection'
import { checkpointSeal, sealsMatch } from './audit-seal.server'
import { env } from './env.server'
import { nowIso } from './clock.server'

export interface Checkpoint {
  id: number
  hash: string
  at: string
  seal: string
}

/** AUDIT_CHECKPOINT_FILE, or a file named after the database: beside the SQLite file, or under data/ for PostgreSQL. */
export function checkpointFileFor(databaseUrl: string, configured = env().AUDIT_CHECKPOINT_FILE): string | null {
  if (configured) return path.resolve(configured)
  if (dialectForUrl(databaseUrl) === 'postgres') {
    const name = new URL(databaseUrl).pathname.replace(/^\//, '') || 'postgres'
    return path.resolve('data', `audit-checkpoint.${name.replace(/[^A-Za-z0-9_-]/g, '_')}.json`)
  }
  const file = sqlitePath(databaseUrl)
  return file === ':memory:' ? null : `${path.resolve(file)}.audit-checkpoint.json`
}

export function readCheckpoint(file: string): Checkpoint | null | 'unreadable' {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    return 'unreadable'
  }
  try {
    const parsed = JSON.parse(text) as Partial<Checkpoint>
    if (!Number.isSafeInteger(parsed.id) || typeof parsed.hash !== 'string' || typeof parsed.seal !== 'string' || typeof parsed.at !== 'string') return 'unreadable'
    return parsed as Checkpoint
  } catch {
    return 'unreadable'
  }
}

export function checkpointIsSealed(key: Buffer, checkpoint: Checkpoint): boolean {
  return sealsMatch(checkpointSeal(key, checkpoint.id, checkpoint.hash), checkpoint.seal)
}

let running: Promise<void> | null = null
let again = false
let reported = ''

/** Brings the checkpoint up to date soon; called after each commit that appended to the audit trail. */
export function requestCheckpoint(db: Db, key: Buffer): void {
  if (running) {
    again = true
    return
  }
  running = (async () => {
    try {
      do {
        again = false
        await writeCheckpoint(db, key)
      } while (again)
    } catch (error) {
      console.error('Could not write the audit checkpoint', error)
    } finally {
      running = null
    }
  })()
}

/** Waits for a checkpoint being written: before the database closes. */
export async function flushCheckpoint(): Promise<void> {
  while (running) await running
}

/** Brings the checkpoint up to date and waits for it: at start-up. */
export async function checkpointNow(db: Db, key: Buffer): Promise<void> {
  requestCheckpoint(db, key)
  await flushCheckpoint()
}

let temporaries = 0

function report(problem: string): void {
  if (problem !== reported) console.error(problem)
  reported = problem
}

/** Writes the checkpoint of the newest event, if it moves forward from the one on disk. One at a time: requestCheckpoint. */
async function writeCheckpoint(db: Db, key: Buffer): Promise<void> {
  const file = checkpointFileFor(env().DATABASE_URL)
  if (!file) return
  const head = await db.selectFrom('audit_event').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst()
  if (!head) return
  const current = readCheckpoint(file)
  if (current === 'unreadable') return report(`${file} cannot be read as an audit checkpoint. Run npm run audit:verify. The file is left as it is.`)
  if (current) {
    if (current.id >= head.id) return
    const named = await db.selectFrom('audit_event').select('hash').where('id', '=', current.id).executeTakeFirst()
    if (!named || named.hash !== current.hash) {
      return report(`${file} names audit event ${current.id}, which the database no longer holds as it was: the newest events may have been deleted or rewritten. Run npm run audit:verify. The checkpoint is left as it is.`)
    }
  }
  const next: Checkpoint = { id: head.id, hash: head.hash, at: nowIso(), seal: checkpointSeal(key, head.id, head.hash) }
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}-${++temporaries}.tmp`
  const handle = await fs.promises.open(temporary, 'w', 0o600)
  try {
    await handle.writeFile(`${JSON.stringify(next)}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
  // Another process may have moved it further meanwhile; never move it back.
  const latest = readCheckpoint(file)
  if (latest && latest !== 'unreadable' && latest.id >= next.id) {
    await fs.promises.rm(temporary, { force: true })
    return
  }
  await fs.promises.rename(temporary, file)
}
