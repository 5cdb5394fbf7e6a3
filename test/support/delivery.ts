// Running delivery workers in the tests: in this process, or in a child process that can be killed.
import { spawn, type ChildProcess } from 'node:child_process'
import { DeliveryWorker } from '../../app/models/notifications/delivery.server'
import { db, writeTransaction } from '../../app/utils/db.server'
import { env } from '../../app/utils/env.server'
import { notify } from '../../app/models/notifications/notify.server'
import type { NotificationKind } from '../../app/notifications/kinds'

/** Works the outbox in this process until nothing is due; returns what each pass did. */
export async function deliverNow(smtpUrl: string, options: { worker?: string; leaseMs?: number } = {}) {
  const worker = new DeliveryWorker(db, { smtpUrl, from: env().MAIL_FROM, housekeeping: false, ...options })
  const passes = []
  try {
    for (;;) {
      const report = await worker.runOnce()
      passes.push(report)
      if (report.claimed === 0) return passes
    }
  } finally {
    await worker.stop()
  }
}

/** One notification for each person, emailed at once: what a sign-off request does, without the campaign. */
export async function queueNotifications(userIds: readonly string[], title = 'Sign-off needed: OTM-2027-900 A test campaign', kind: NotificationKind = 'sign-off-requested') {
  await writeTransaction(db, (tx) => notify(tx, { kind, title, body: 'A campaign needs your group’s sign-off.', href: '/sign-off' }, { userIds }))
}

export interface ChildWorker {
  process: ChildProcess
  name: string
  output: () => string
  /** SIGTERM, then wait for it to finish what it holds and exit. */
  stop(): Promise<void>
}

/** A delivery worker in its own process (tsx), started and ready. */
export async function startChildWorker(env: Record<string, string>): Promise<ChildWorker> {
  let output = ''
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/delivery-child.ts'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const deadline = Date.now() + 30_000
  while (!/^ready /m.test(output)) {
    if (child.exitCode !== null) throw new Error(`The delivery worker exited during start-up:\n${output}`)
    if (Date.now() > deadline) throw new Error(`The delivery worker did not start:\n${output}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return {
    process: child,
    name: /^ready (\S+)/m.exec(output)![1]!,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return
      child.kill('SIGTERM')
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}
