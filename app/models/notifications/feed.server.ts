// Calendar feeds: each person's secret feed address, and what it holds (docs/notifications.md, "Calendar feeds").
// The token is derived from a nonce with the link-signing key, so it can be shown again, while the database keeps only
// its SHA-256 to find the feed by. Replacing the address makes a new nonce: the old token then matches nothing.
import crypto from 'node:crypto'
import { addDays, fromDayNumber, toDayNumber } from '../../forecast/dates'
import { workingCalendarFor, type Nation, type WorkingCalendar } from '../../forecast/working-days'
import { campaignEvents, peakEvent, signOffDueDate, type FeedCampaign, type FeedPeak } from '../../notifications/calendar-events'
import { writeCalendar, type CalendarEvent } from '../../notifications/ical'
import { groupsOf, requiredGroups, type SignOffGroup } from '../../signoff/groups'
import { appendAudit } from '../../utils/audit.server'
import { nowIso, todayIso } from '../../utils/clock.server'
import { writeTransaction, type DbOrTx } from '../../utils/db.server'
import { hasRole, isRole, type Role, type SessionUser } from '../../utils/roles'
import { getActiveBankHolidays } from '../bank-holidays.server'
import { listHelplines } from '../helpline.server'
import { bringSignOffUpToDate } from '../signoff/sync.server'
import { refreshCampaignLoad, refreshStaleAtHelpline, storedArrivals } from '../stored-arrivals.server'
import { publicOrigin } from './links.server'
import { HELPLINE_MANAGER_ROLE } from './recipients.server'
import { feedToken, tokenHash } from './signing.server'

/** Events this long ago stay in a feed, so last week's launch is still there; older ones drop out. */
const PAST_DAYS = 60
/** How far ahead call peaks are looked for. */
const PEAK_DAYS_AHEAD = 730

// ---------------------------------------------------------------------------------------------
// The address

/** The person's current feed token, or null before they have one. */
export async function currentFeedToken(db: DbOrTx, userId: string): Promise<string | null> {
  const row = await db.selectFrom('calendar_feed').select(['nonce', 'token_hash']).where('user_id', '=', userId).executeTakeFirst()
  if (!row) return null
  const token = feedToken(userId, row.nonce)
  // A new LINK_SIGNING_KEY gives every feed a new token: keep the hash in step, so the address shown keeps working.
  if (tokenHash(token) !== row.token_hash) {
    await writeTransaction(db, (tx) => tx.updateTable('calendar_feed').set({ token_hash: tokenHash(token) }).where('user_id', '=', userId).execute())
  }
  return token
}

/** Makes the person's feed address, or a new one in place of the old, which stops working at once. */
export async function replaceFeedToken(db: DbOrTx, user: SessionUser): Promise<string> {
  return writeTransaction(db, async (tx) => {
    const nonce = crypto.randomBytes(16).toString('base64url')
    const token = feedToken(user.id, nonce)
    const existing = await tx.selectFrom('calendar_feed').select('user_id').where('user_id', '=', user.id).executeTakeFirst()
    const at = nowIso()
    if (existing) await tx.updateTable('calendar_feed').set({ nonce, token_hash: tokenHash(token), created_at: at }).where('user_id', '=', user.id).execute()
    else await tx.insertInto('calendar_feed').values({ user_id: user.id, nonce, token_hash: tokenHash(token), created_at: at }).execute()
    await appendAudit(tx, {
      actor: user,
      action: existing ? 'calendar-feed.replaced' : 'calendar-feed.created',
      entityType: 'user',
      entityId: user.id,
      summary: existing ? 'Replaced their calendar feed address; the old address no longer works' : 'Made a calendar feed address',
    })
    return token
  })
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/

/** The enabled person a feed token belongs to, or null. */
export async function feedOwner(db: DbOrTx, token: string): Promise<SessionUser | null> {
  if (!TOKEN.test(token)) return null
  const row = await db
    .selectFrom('calendar_feed')
    .innerJoin('users', 'users.id', 'calendar_feed.user_id')
    .select(['users.id', 'users.email', 'users.name', 'users.disabled', 'calendar_feed.nonce', 'calendar_feed.token_hash'])
    .where('calendar_feed.token_hash', '=', tokenHash(token))
    .executeTakeFirst()
  // The hash found it; the key must also make it from the nonce now (so an address from a replaced key fails).
  if (!row || row.disabled || feedToken(row.id, row.nonce) !== token) return null
  const roles = await db.selectFrom('user_role').select('role').where('user_id', '=', row.id).execute()
  return { id: row.id, email: row.email, name: row.name, roles: roles.map((r) => r.role).filter(isRole) as Role[] }
}

// ---------------------------------------------------------------------------------------------
// What a feed holds

interface CampaignRow {
  id: string
  ref: string
  name: string
  status: string
  planned_launch_date: string
  nation: string
  extra_liability: number
  press_inform: number
  updated_at: string
}

const CAMPAIGN_COLUMNS = ['campaign.id', 'campaign.ref', 'campaign.name', 'campaign.status', 'campaign.planned_launch_date', 'campaign.nation', 'campaign.extra_liability', 'campaign.press_inform', 'campaign.updated_at'] as const

async function wavesOf(db: DbOrTx, campaignIds: readonly string[]) {
  const out = new Map<string, FeedCampaign['waves'][number][]>()
  for (let i = 0; i < campaignIds.length; i += 500) {
    const rows = await db
      .selectFrom('wave')
      .innerJoin('message', 'message.id', 'wave.message_id')
      .select(['message.campaign_id', 'message.id', 'message.name', 'message.channel', 'wave.position', 'wave.send_date', 'wave.volume'])
      .where('message.campaign_id', 'in', campaignIds.slice(i, i + 500))
      .orderBy('message.position')
      .orderBy('wave.position')
      .execute()
    for (const r of rows) {
      out.set(r.campaign_id, [
        ...(out.get(r.campaign_id) ?? []),
        { messageId: r.id, messageName: r.name, channel: r.channel, position: r.position, sendDate: r.send_date, volume: Number(r.volume) },
      ])
    }
  }
  return out
}

async function approvedGroups(db: DbOrTx, campaignIds: readonly string[]): Promise<Set<string>> {
  const approved = new Set<string>()
  for (let i = 0; i < campaignIds.length; i += 500) {
    const rows = await db
      .selectFrom('campaign_scope')
      .select(['campaign_id', 'grp'])
      .where('campaign_id', 'in', campaignIds.slice(i, i + 500))
      .where('state', '=', 'approved')
      .execute()
    for (const r of rows) approved.add(`${r.campaign_id}/${r.grp}`)
  }
  return approved
}

const required = (c: CampaignRow) => requiredGroups({ extraLiability: c.extra_liability === 1, pressInform: c.press_inform === 1 })

/**
 * Builds the campaigns' events. `dueFor` says, for each campaign, whose approvals the reader waits for: every required
 * group (the authors), the reader's own groups (a member), or none.
 */
async function eventsFor(db: DbOrTx, campaigns: readonly CampaignRow[], dueFor: (c: CampaignRow) => readonly SignOffGroup[] | null, origin: string): Promise<CalendarEvent[]> {
  if (campaigns.length === 0) return []
  const ids = campaigns.map((c) => c.id)
  await bringSignOffUpToDate(db, ids)
  const [waves, approved, holidays] = await Promise.all([wavesOf(db, ids), approvedGroups(db, ids), getActiveBankHolidays(db)])
  const calendars = new Map<string, WorkingCalendar>()
  const calendarOf = (nation: string) => {
    let calendar = calendars.get(nation)
    if (!calendar) calendars.set(nation, (calendar = workingCalendarFor(holidays.file, nation as Nation)))
    return calendar
  }
  return campaigns.flatMap((c) => {
    const waiting = dueFor(c)?.filter((g) => !approved.has(`${c.id}/${g}`)) ?? []
    const feed: FeedCampaign = {
      id: c.id,
      ref: c.ref,
      name: c.name,
      status: c.status,
      plannedLaunchDate: c.planned_launch_date,
      updatedAt: c.updated_at,
      waves: waves.get(c.id) ?? [],
      signOffDue: waiting.length ? { date: signOffDueDate(c.planned_launch_date, calendarOf(c.nation)), groups: waiting } : null,
    }
    return campaignEvents(feed, origin)
  })
}

/** The day with the most calls (central) and how many, or null when there are none. */
function busiestDay(arrivals: { start: number; central: ArrayLike<number> }): { date: string; calls: number } | null {
  let best = -1
  for (let i = 0; i < arrivals.central.length; i++) if (best < 0 || arrivals.central[i]! > arrivals.central[best]!) best = i
  return best >= 0 && arrivals.central[best]! > 0 ? { date: fromDayNumber(arrivals.start + best), calls: arrivals.central[best]! } : null
}

/** Every campaign's busiest day at every helpline (central), from the stored arrivals the helpline calendar reads. */
async function allPeaks(db: DbOrTx, today: string): Promise<FeedPeak[]> {
  const out: FeedPeak[] = []
  const updated = new Map<string, string>()
  for (const helpline of await listHelplines(db)) {
    await refreshStaleAtHelpline(db, helpline.id)
    for (const stored of await storedArrivals(db, helpline.id, addDays(today, -PAST_DAYS), addDays(today, PEAK_DAYS_AHEAD))) {
      if (stored.campaign.status === 'closed') continue
      const peak = busiestDay(stored.arrivals)
      if (!peak) continue
      if (!updated.has(stored.campaign.id)) {
        const row = await db.selectFrom('campaign').select('updated_at').where('id', '=', stored.campaign.id).executeTakeFirst()
        updated.set(stored.campaign.id, row?.updated_at ?? helpline.updatedAt)
      }
      const { id, ref, name } = stored.campaign
      out.push({ campaignId: id, ref, name, helplineId: helpline.id, helplineName: helpline.name, ...peak, updatedAt: updated.get(id)! })
    }
  }
  return out
}

/** One campaign's busiest day at each helpline it sends calls to. */
async function campaignPeaks(db: DbOrTx, campaign: CampaignRow): Promise<FeedPeak[]> {
  const current = await db.selectFrom('campaign_load').select('campaign_id').where('campaign_id', '=', campaign.id).executeTakeFirst()
  if (!current) await refreshCampaignLoad(db, campaign.id)
  const rows = await db
    .selectFrom('campaign_helpline_load')
    .innerJoin('helpline', 'helpline.id', 'campaign_helpline_load.helpline_id')
    .select(['helpline.id', 'helpline.name', 'campaign_helpline_load.first_date', 'campaign_helpline_load.daily_calls_json'])
    .where('campaign_helpline_load.campaign_id', '=', campaign.id)
    .orderBy('helpline.name_key')
    .execute()
  return rows.flatMap((row) => {
    const peak = busiestDay({ start: toDayNumber(row.first_date), central: (JSON.parse(row.daily_calls_json) as { central: number[] }).central })
    return peak ? [{ campaignId: campaign.id, ref: campaign.ref, name: campaign.name, helplineId: row.id, helplineName: row.name, ...peak, updatedAt: campaign.updated_at }] : []
  })
}

const recent = (today: string) => (event: CalendarEvent) => event.date >= addDays(today, -PAST_DAYS)

function sortEvents(events: CalendarEvent[]): CalendarEvent[] {
  return events.sort((a, b) => (a.date === b.date ? (a.uid < b.uid ? -1 : 1) : a.date < b.date ? -1 : 1))
}

/**
 * A person's feed: the launch and send dates of campaigns they own or co-own, and of campaigns their groups must sign
 * off; when each sign-off they give or wait for is due; and, for helpline managers, each campaign's call peak at each
 * helpline.
 */
export async function personalFeed(db: DbOrTx, user: SessionUser, origin: string = publicOrigin()): Promise<string> {
  const today = todayIso()
  const oldest = addDays(today, -PAST_DAYS - 366)
  const authored = await db
    .selectFrom('campaign')
    .select(CAMPAIGN_COLUMNS)
    .where((eb) => eb.or([eb('campaign.owner_id', '=', user.id), eb('campaign.id', 'in', eb.selectFrom('campaign_co_owner').select('campaign_id').where('user_id', '=', user.id))]))
    .where('campaign.status', '<>', 'closed')
    .where('campaign.planned_launch_date', '>=', oldest)
    .execute()
  const groups = groupsOf(user)
  const authoredIds = new Set(authored.map((c) => c.id))
  const toSign = groups.length
    ? (
        await db
          .selectFrom('campaign')
          .innerJoin('sign_off_request', 'sign_off_request.campaign_id', 'campaign.id')
          .select(CAMPAIGN_COLUMNS)
          .where('campaign.status', 'in', ['awaiting-sign-off', 'approved', 'launched'])
          .where('campaign.planned_launch_date', '>=', oldest)
          .execute()
      ).filter((c) => !authoredIds.has(c.id) && required(c).some((g) => groups.includes(g)))
    : []
  const events = [
    ...(await eventsFor(db, authored, (c) => (c.status === 'draft' || c.status === 'awaiting-sign-off' ? required(c) : null), origin)),
    ...(await eventsFor(db, toSign, (c) => (c.status === 'awaiting-sign-off' ? required(c).filter((g) => groups.includes(g)) : null), origin)),
    ...(hasRole(user, HELPLINE_MANAGER_ROLE) ? (await allPeaks(db, today)).map((p) => peakEvent(p, origin)) : []),
  ].filter(recent(today))
  return writeCalendar({
    name: `OTM Campaign Planner: ${user.name}`,
    description: 'Launch dates, send dates, sign-off due dates and call peaks from the OTM Campaign Planner',
    events: sortEvents(events),
    generatedAt: nowIso(),
  })
}

/** One campaign's own calendar: its launch, its sends, when its sign-off is due, and its call peak at each helpline. */
export async function campaignFeed(db: DbOrTx, campaignId: string, origin: string = publicOrigin()): Promise<string> {
  const campaign = await db.selectFrom('campaign').select(CAMPAIGN_COLUMNS).where('campaign.id', '=', campaignId).executeTakeFirstOrThrow()
  const events = [
    ...(await eventsFor(db, [campaign], (c) => (c.status === 'draft' || c.status === 'awaiting-sign-off' ? required(c) : null), origin)),
    ...(await campaignPeaks(db, campaign)).map((p) => peakEvent(p, origin)),
  ]
  return writeCalendar({ name: `${campaign.ref} ${campaign.name}`, description: `Key dates of ${campaign.ref} from the OTM Campaign Planner`, events: sortEvents(events), generatedAt: nowIso() })
}
