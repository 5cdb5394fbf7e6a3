// npm run audit:verify — checks the audit trail: its hash chain and seals, the checkpoint kept outside the database,
// and every sign-off decision and launch snapshot against the events that recorded them. Names every problem; exits
// with status 1 if there is any.
import { checkpointFileFor, readCheckpoint } from '../../app/utils/audit-checkpoint.server'
import { existingAuditKey } from '../../app/utils/audit-seal.server'
import { verifyAuditTrail } from '../../app/utils/audit-verify.server'
import { openDatabase } from '../../db/connection'
import { databaseUrl } from './env'

const db = openDatabase(databaseUrl, { poolSize: 1 })
try {
  const checkpointFile = checkpointFileFor(databaseUrl, process.env.AUDIT_CHECKPOINT_FILE)
  const checkpoint = checkpointFile ? readCheckpoint(checkpointFile) : null
  const { checked, sealed, problems } = await verifyAuditTrail(db, { key: existingAuditKey(), checkpoint, checkpointFile })
  if (problems.length) {
    for (const problem of problems) console.error(`BROKEN: ${problem}`)
    console.error(`(checked ${checked} events)`)
    process.exitCode = 1
  } else {
    const at = checkpoint && checkpoint !== 'unreadable' ? `, up to the checkpoint of event ${checkpoint.id}` : ''
    console.log(`OK: ${checked} audit events (${sealed} sealed), every link in the chain and every seal holds${at}; every sign-off decision and launch matches its event`)
  }
} finally {
  await db.destroy()
}
