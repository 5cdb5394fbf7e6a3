// The demo workspace as the browser tests find it: its campaigns (by status, since their references follow the
// launch dates, which follow today), their messages, lines, scripts and versions, the helplines and the users. Read
// straight from the running app's database file, so a test can name every page there is to visit.
import crypto from 'node:crypto'
import { openDatabase } from '../../db/connection'

export interface DemoCampaign {
  id: string
  ref: string
  name: string
}

export interface DemoWorkspace {
  /** The campaign awaiting sign-off: every task under way, every group asked. */
  awaiting: DemoCampaign
  approved: DemoCampaign
  launched: DemoCampaign
  closed: DemoCampaign
  drafts: DemoCampaign[]
  /** The awaiting campaign's letter, one of its helpline lines and its inbound script. */
  letterId: string
  lineId: string
  callType: string
  /** A helpline the awaiting campaign's calls go to. */
  helplineId: string
  userIds: Record<string, string>
}

export async function readDemoWorkspace(databaseFile: string): Promise<DemoWorkspace> {
  const db = openDatabase(databaseFile)
  try {
    const campaigns = await db.selectFrom('campaign').select(['id', 'ref', 'name', 'status']).orderBy('planned_launch_date').execute()
    const one = (status: string) => {
      const found = campaigns.find((c) => c.status === status)
      if (!found) throw new Error(`The demo workspace has no ${status} campaign`)
      return { id: found.id, ref: found.ref, name: found.name }
    }
    const awaiting = one('awaiting-sign-off')
    const [letter, line, script, helpline, users] = await Promise.all([
      db.selectFrom('message').select('id').where('campaign_id', '=', awaiting.id).where('channel', '=', 'letter').executeTakeFirstOrThrow(),
      db
        .selectFrom('line_to_take')
        .select('id')
        .where('campaign_id', '=', awaiting.id)
        .where('audience', '=', 'helpline')
        .orderBy('position')
        .executeTakeFirstOrThrow(),
      db.selectFrom('script').select('call_type').where('campaign_id', '=', awaiting.id).where('call_type', '=', 'inbound').executeTakeFirstOrThrow(),
      // A helpline the campaign's forecast sends calls to, so that its briefing exists.
      db.selectFrom('forecast_split').select('helpline_id as id').where('campaign_id', '=', awaiting.id).orderBy('share_percent', 'desc').executeTakeFirstOrThrow(),
      db.selectFrom('users').select(['id', 'email']).execute(),
    ])
    return {
      awaiting,
      approved: one('approved'),
      launched: one('launched'),
      closed: one('closed'),
      drafts: campaigns.filter((c) => c.status === 'draft').map((c) => ({ id: c.id, ref: c.ref, name: c.name })),
      letterId: letter.id,
      lineId: line.id,
      callType: script.call_type,
      helplineId: helpline.id,
      userIds: Object.fromEntries(users.map((u) => [u.email, u.id])),
    }
  } finally {
    await db.destroy()
  }
}

/**
 * A bank-holidays file uploaded by the demo administrator and not yet applied, as the upload form leaves one: the
 * page that checks it before it is put into use needs one to show.
 */
export async function addPendingBankHolidays(databaseFile: string, adminId: string): Promise<string> {
  const event = (date: string) => ({ title: 'Extra bank holiday', date, notes: '', bunting: true })
  const json = JSON.stringify({
    'england-and-wales': { division: 'england-and-wales', events: [event('2027-01-01'), event('2027-12-27')] },
    scotland: { division: 'scotland', events: [event('2027-01-04')] },
    'northern-ireland': { division: 'northern-ireland', events: [event('2027-03-17')] },
  })
  const db = openDatabase(databaseFile)
  try {
    const id = crypto.randomUUID()
    const sha256 = crypto.createHash('sha256').update(json).digest('hex')
    await db.insertInto('bank_holiday_file').values({ id, content_json: json, sha256, uploaded_by: adminId, uploaded_at: new Date().toISOString() }).execute()
    return id
  } finally {
    await db.destroy()
  }
}

/** The first record with two versions or more, for the history and compare pages; null when every record has one. */
export async function findRevisedRecord(databaseFile: string): Promise<{ ref: string; entityType: string; entityId: string; version: number } | null> {
  const db = openDatabase(databaseFile)
  try {
    const row = await db
      .selectFrom('revision')
      .innerJoin('campaign', 'campaign.id', 'revision.campaign_id')
      .select(['campaign.ref', 'revision.entity_type', 'revision.entity_id', 'revision.version'])
      .where('revision.version', '>=', 2)
      .orderBy('revision.version', 'desc')
      .executeTakeFirst()
    return row ? { ref: row.ref, entityType: row.entity_type, entityId: row.entity_id, version: row.version } : null
  } finally {
    await db.destroy()
  }
}
