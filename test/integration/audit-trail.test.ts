// Tamper evidence against whoever can write the database: the seals, the checkpoint kept outside it, and the
// cross-check of sign-off decisions and launch snapshots against the events that recorded them. Each attack drops
// the append-only triggers first, as an attacker with the database's owner rights could.
import fs from 'node:fs'
import { sql } from 'kysely'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { launchCampaign } from '../../app/models/launch.server'
import { checkpointFileFor, flushCheckpoint, readCheckpoint, type Checkpoint } from '../../app/utils/audit-checkpoint.server'
import { auditKey, eventSeal } from '../../app/utils/audit-seal.server'
import { appendAudit, auditHash, GENESIS_HASH, sealAuditTrail, verifyAuditChain, type ChainedFields } from '../../app/utils/audit.server'
import { verifyAuditTrail } from '../../app/utils/audit-verify.server'
import { db, dialectOf, writeTransaction } from '../../app/utils/db.server'
import { env } from '../../app/utils/env.server'
import { makeCampaign, makeUser } from '../support/factories'
import { approveAll, makeSignOffCampaign, makeSignOffPeople } from '../support/signoff'

const postgres = () => dialectOf(db) === 'postgres'

async function dropTriggers(table: 'audit_event' | 'sign_off_decision' | 'launch_snapshot') {
  for (const kind of ['update', 'delete']) {
    if (postgres()) await sql.raw(`drop trigger if exists ${table}_no_${kind} on ${table}`).execute(db)
    else await sql.raw(`drop trigger if exists ${table}_no_${kind}`).execute(db)
  }
}

async function checkpointNow(): Promise<Checkpoint> {
  await flushCheckpoint()
  const checkpoint = readCheckpoint(checkpointFileFor(env().DATABASE_URL)!)
  if (!checkpoint || checkpoint === 'unreadable') throw new Error('No checkpoint was written')
  return checkpoint
}

/** What an attacker without the key can do: rewrite one event, then recompute every hash from there on. */
async function rewriteAndRehash(victimId: number, change: { actor_email: string }) {
  await dropTriggers('audit_event')
  await sql`update audit_event set actor_email = ${change.actor_email} where id = ${victimId}`.execute(db)
  const rows = await db.selectFrom('audit_event').selectAll().orderBy('id').execute()
  let prev = GENESIS_HASH
  for (const row of rows) {
    const { id, prev_hash: _prev, hash: _hash, seal: _seal, ...fields } = row
    const hash = auditHash(prev, fields as ChainedFields)
    await sql`update audit_event set prev_hash = ${prev}, hash = ${hash} where id = ${id}`.execute(db)
    prev = hash
  }
}

const verify = async (checkpoint: Checkpoint | null | 'skip') => (await verifyAuditTrail(db, { key: auditKey(), checkpoint })).problems

describe('the audit trail, attacked by someone who can write the database', () => {
  // Each attack leaves a checkpoint that no longer matches the trail, as it should; whoever investigates moves it
  // aside, and the next test starts a checkpoint of its own.
  afterEach(async () => {
    await flushCheckpoint()
    fs.rmSync(checkpointFileFor(env().DATABASE_URL)!, { force: true })
  })

  it('is sealed event by event, and checkpointed outside the database after each commit', async () => {
    const owner = await makeUser(['designer'])
    await makeCampaign(owner)
    const events = await db.selectFrom('audit_event').select(['id', 'hash', 'seal']).orderBy('id').execute()
    expect(events.length).toBeGreaterThanOrEqual(2)
    for (const event of events) expect(event.seal).toBe(eventSeal(auditKey(), event.hash))
    const checkpoint = await checkpointNow()
    expect({ id: checkpoint.id, hash: checkpoint.hash }).toEqual({ id: events.at(-1)!.id, hash: events.at(-1)!.hash })
    expect(await verify(checkpoint)).toEqual([])
  })

  // Found by probing: re-hashing the whole chain after editing an approval's actor passed audit:verify.
  it('catches a chain rewritten and re-hashed after one event was edited', async () => {
    const people = await makeSignOffPeople()
    const campaign = await makeSignOffCampaign(people)
    await approveAll(people, campaign)
    const approval = await db.selectFrom('audit_event').select('id').where('action', '=', 'sign-off.approved').orderBy('id').executeTakeFirstOrThrow()
    const checkpoint = await checkpointNow()
    await rewriteAndRehash(approval.id, { actor_email: 'someone-else@example.gov.uk' })
    // The hashes alone hold: that was the weakness.
    expect((await verifyAuditChain(db)).firstBreak).toBeNull()
    // The seals do not.
    const chain = await verifyAuditChain(db, { key: auditKey() })
    expect(chain.firstBreak?.id).toBe(approval.id)
    expect(chain.firstBreak?.reason).toMatch(/seal does not match/)
    const problems = await verify(checkpoint)
    expect(problems.some((p) => p.includes(`event ${approval.id}'s seal does not match`))).toBe(true)
    expect(problems.some((p) => p.includes('whose hash has changed'))).toBe(true)
  })

  it('catches seals stripped from every event, once a checkpoint exists', async () => {
    const owner = await makeUser(['designer'])
    await makeCampaign(owner)
    const checkpoint = await checkpointNow()
    await dropTriggers('audit_event')
    await sql`update audit_event set seal = null`.execute(db)
    expect(await verify(checkpoint)).toContainEqual(expect.stringMatching(/has no seal, though a checkpoint exists/))
  })

  // Found by probing: deleting the newest events left a chain that verified.
  it('catches the newest events deleted, from the checkpoint kept outside the database', async () => {
    const owner = await makeUser(['designer'])
    await makeCampaign(owner)
    await makeCampaign(owner)
    const checkpoint = await checkpointNow()
    const file = checkpointFileFor(env().DATABASE_URL)!
    await dropTriggers('audit_event')
    await sql`delete from audit_event where id > ${checkpoint.id - 2}`.execute(db)
    // Without the checkpoint, the shortened chain verifies: every hash and seal that is left holds.
    const chain = await verifyAuditChain(db, { key: auditKey() })
    expect(chain.firstBreak).toBeNull()
    expect(await verify(checkpoint)).toContainEqual(expect.stringMatching(new RegExp(`names event ${checkpoint.id}, which is missing: the newest events were deleted`)))

    // The app goes on writing: the checkpoint is not moved over the evidence, and the app says so.
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    await makeCampaign(owner)
    await flushCheckpoint()
    expect(readCheckpoint(file)).toEqual(checkpoint)
    expect(logged.mock.calls.flat().join(' ')).toMatch(new RegExp(`names audit event ${checkpoint.id}, which the database no longer holds`))
    logged.mockRestore()
  })

  it('refuses a checkpoint that was not sealed with the key', async () => {
    const owner = await makeUser(['designer'])
    await makeCampaign(owner)
    const checkpoint = await checkpointNow()
    expect(await verify({ ...checkpoint, seal: '0'.repeat(64) })).toContainEqual(expect.stringMatching(/not sealed with the audit key/))
  })

  // Found by probing: sign_off_decision rows could be deleted without verify noticing.
  it('catches a sign-off decision deleted or changed, and a launch snapshot deleted', async () => {
    const people = await makeSignOffPeople()
    const campaign = await makeSignOffCampaign(people)
    await approveAll(people, campaign)
    const launched = await launchCampaign(db, { campaignId: campaign.campaignId }, people.owner)
    expect(launched.ok).toBe(true)
    const checkpoint = await checkpointNow()
    expect(await verify(checkpoint)).toEqual([])

    const [first, second] = await db.selectFrom('sign_off_decision').select(['id', 'grp']).where('campaign_id', '=', campaign.campaignId).orderBy('decided_at').execute()
    await dropTriggers('sign_off_decision')
    await sql`delete from sign_off_decision where id = ${first!.id}`.execute(db)
    await sql`update sign_off_decision set decided_by = ${people.otherDesigner.id} where id = ${second!.id}`.execute(db)
    await dropTriggers('launch_snapshot')
    await sql`delete from launch_snapshot where campaign_id = ${campaign.campaignId}`.execute(db)

    const problems = await verify(checkpoint)
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`records sign-off decision ${first!.id}, which is missing: it was deleted`)))
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`Sign-off decision ${second!.id} differs from audit event`)))
    expect(problems).toContainEqual(expect.stringMatching(new RegExp(`records the launch of campaign ${campaign.campaignId}, whose launch snapshot is missing`)))
  })

  it('catches a launch snapshot whose content was changed', async () => {
    const people = await makeSignOffPeople()
    const campaign = await makeSignOffCampaign(people)
    await approveAll(people, campaign)
    expect((await launchCampaign(db, { campaignId: campaign.campaignId }, people.owner)).ok).toBe(true)
    await dropTriggers('launch_snapshot')
    await sql`update launch_snapshot set snapshot_json = ${'{"name":"something else"}'} where campaign_id = ${campaign.campaignId}`.execute(db)
    expect(await verify('skip')).toContainEqual(expect.stringMatching(/does not match its own hash/))
  })

  it('seals, at start-up, a trail written before sealing began', async () => {
    const owner = await makeUser(['designer'])
    await makeCampaign(owner)
    // As the trail was before this release: no seals.
    await dropTriggers('audit_event')
    await sql`update audit_event set seal = null`.execute(db)
    const before = await db.selectFrom('audit_event').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    await sealAuditTrail(db)
    const head = await db.selectFrom('audit_event').select(['action', 'summary', 'hash', 'seal']).orderBy('id', 'desc').executeTakeFirstOrThrow()
    expect(head.action).toBe('audit.sealed')
    expect(head.summary).toContain(`covers the ${Number(before.n)} events written before sealing began`)
    expect(head.seal).toBe(eventSeal(auditKey(), head.hash))
    const chain = await verifyAuditChain(db, { key: auditKey() })
    expect(chain.firstBreak).toBeNull()
    expect(chain.head?.sealed).toBe(true)
    expect((await checkpointNow()).hash).toBe(head.hash)
    // Sealing twice adds nothing.
    await sealAuditTrail(db)
    expect((await db.selectFrom('audit_event').select('action').orderBy('id', 'desc').executeTakeFirstOrThrow()).action).toBe('audit.sealed')
    expect(await db.selectFrom('audit_event').select('id').where('action', '=', 'audit.sealed').execute()).toHaveLength(1)
  })

  it('checkpoints only what was committed: a rolled-back event never reaches the file', async () => {
    const owner = await makeUser(['designer'])
    await makeCampaign(owner)
    const checkpoint = await checkpointNow()
    await expect(
      writeTransaction(db, async (tx) => {
        await appendAudit(tx, { actor: null, action: 'test.rolled-back', entityType: 'test', summary: 'never happened' })
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(await checkpointNow()).toEqual(checkpoint)
  })
})
