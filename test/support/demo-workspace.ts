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

/** The demo's Welsh campaign and one Welsh version of each kind, for the Welsh pages. */
export interface DemoWelsh {
  ref: string
  messageId: string
  lineId: string
  callType: string
}

export async function readDemoWelsh(databaseFile: string): Promise<DemoWelsh> {
  const db = openDatabase(databaseFile)
  try {
    const translations = await db
      .selectFrom('translation')
      .innerJoin('campaign', 'campaign.id', 'translation.campaign_id')
      .select(['campaign.ref', 'translation.entity_type', 'translation.entity_id'])
      .where('translation.language', '=', 'cy')
      .orderBy('campaign.ref')
      .execute()
    const first = translations[0]
    if (!first) throw new Error('The demo workspace has no Welsh versions')
    const ofKind = (kind: string) => {
      const found = translations.find((t) => t.ref === first.ref && t.entity_type === kind)
      if (!found) throw new Error(`The demo's Welsh campaign has no Welsh ${kind}`)
      return found.entity_id
    }
    const scriptId = ofKind('script')
    const script = await db.selectFrom('script').select('call_type').where('id', '=', scriptId).executeTakeFirstOrThrow()
    return { ref: first.ref, messageId: ofKind('message'), lineId: ofKind('line'), callType: script.call_type }
  } finally {
    await db.destroy()
  }
}

/**
 * Three more accounts, each of which stops at one step of a password sign-in: a code from an authenticator app, a new
 * password after an administrator's reset, and setting up two-factor sign-in. Copies of the viewer's account, so they
 * sign in with the demo password.
 */
export const SIGN_IN_STEP_ACCOUNTS = {
  code: 'viewer-with-code@example.gov.uk',
  'new-password': 'viewer-reset@example.gov.uk',
  'set-up-two-factor': 'viewer-without-code@example.gov.uk',
} as const

/** The authenticator app secret (base 32) of the account that owes a code. */
export const SIGN_IN_STEP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

export async function addSignInStepAccounts(databaseFile: string): Promise<void> {
  const db = openDatabase(databaseFile)
  try {
    const viewer = await db.selectFrom('users').selectAll().where('email', '=', 'viewer@example.gov.uk').executeTakeFirstOrThrow()
    for (const [step, email] of Object.entries(SIGN_IN_STEP_ACCOUNTS)) {
      const id = crypto.randomUUID()
      await db
        .insertInto('users')
        .values({
          ...viewer,
          id,
          email,
          name: `Viewer (${step})`,
          must_change_password: step === 'new-password' ? 1 : 0,
          two_factor_required: step === 'set-up-two-factor' ? 1 : 0,
        })
        .execute()
      await db.insertInto('user_role').values({ user_id: id, role: 'viewer' }).execute()
      if (step === 'code') {
        await db
          .insertInto('two_factor')
          .values({ user_id: id, secret: SIGN_IN_STEP_SECRET, enrolled_at: new Date().toISOString(), last_used_step: null, pending_secret: null, pending_created_at: null })
          .execute()
      }
    }
  } finally {
    await db.destroy()
  }
}

/** The address of the page an email's "change how you get these emails" link opens, signed with `key`. */
export function emailSettingsPath(userId: string, key: string): string {
  const signature = crypto.createHmac('sha256', Buffer.from(key, 'utf8')).update(`otm-email-settings-v1\n${userId}\nall`).digest('base64url')
  return `/notifications/email-settings/${userId}.all.${signature}`
}
