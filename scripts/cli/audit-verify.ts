// npm run audit:verify — walks the whole audit trail's hash chain and names the first broken link.
import { verifyAuditChain } from '../../app/utils/audit.server'
import { openDatabase } from '../../db/connection'
import { databaseUrl } from './env'

const db = openDatabase(databaseUrl, { poolSize: 1 })
try {
  const { checked, firstBreak } = await verifyAuditChain(db)
  if (firstBreak) {
    console.error(`BROKEN: ${firstBreak.reason} (checked ${checked} events)`)
    process.exitCode = 1
  } else {
    console.log(`OK: ${checked} audit events, every link in the chain holds`)
  }
} finally {
  await db.destroy()
}
