// A delivery worker in a process of its own, as an app instance runs it: the fault tests kill it with SIGKILL in the
// middle of a delivery, or run two at once against one PostgreSQL. Configured by the environment it is given.
import { DeliveryWorker } from '../../app/models/notifications/delivery.server'
import { closeDatabases, db } from '../../app/utils/db.server'

const worker = new DeliveryWorker(db, {
  smtpUrl: process.env.SMTP_URL!,
  from: process.env.MAIL_FROM ?? 'OTM Campaign Planner <otm-planner@localhost>',
  leaseMs: Number(process.env.DELIVERY_LEASE_MS ?? 300_000),
  pollMs: Number(process.env.DELIVERY_POLL_MS ?? 100),
  batchSize: Number(process.env.DELIVERY_BATCH ?? 20),
  concurrency: Number(process.env.DELIVERY_CONCURRENCY ?? 4),
  worker: process.env.DELIVERY_WORKER_NAME,
  housekeeping: false,
}).start()

process.stdout.write(`ready ${worker.name}\n`)
process.on('SIGTERM', () => {
  void worker
    .stop()
    .then(() => closeDatabases())
    .then(() => process.exit(0))
})
