// What the home page shows each user: their own campaigns, their sign-off inbox, their helplines.
import { groupsOf, SIGN_OFF_GROUPS, type SignOffGroup } from '../signoff/groups'
import { bringSignOffUpToDate } from './signoff/sync.server'
import { listSignOffInbox, type InboxItem } from './signoff/views.server'
import { sql, type ExpressionBuilder } from 'kysely'
import type { Database } from '../../db/types'
import { nextStep, type NextStep } from '../campaign/next-step'
import { STATUSES, type CampaignStatus } from '../campaign/options'
import { campaignTasks } from '../campaign/tasks'
import { hasRole, type Role, type SessionUser } from '../utils/roles'
import type { DbOrTx } from '../utils/db.server'
import { getCampaignByRef } from './campaign.server'
import { helplineOutlooks } from './calendar.server'
import { forecastTaskState } from './forecast.server'
import { handlingTaskInput } from './lines-and-scripts.server'
import { messagesTaskInput } from './message.server'

/** Most campaigns listed in one section; the campaign list has the rest. */
export const HOME_LIST_LIMIT = 20

export interface DesignerCampaign {
  ref: string
  name: string
  status: CampaignStatus
  plannedLaunchDate: string
  nextStep: NextStep | null
}

export interface CampaignSummary {
  ref: string
  name: string
  status: CampaignStatus
  plannedLaunchDate: string
}

const mineOrCoOwned = (userId: string) => (eb: ExpressionBuilder<Database, 'campaign'>) =>
  eb.or([
    eb('campaign.owner_id', '=', userId),
    eb.exists(eb.selectFrom('campaign_co_owner').select(sql<number>`1`.as('one')).whereRef('campaign_co_owner.campaign_id', '=', 'campaign.id').where('campaign_co_owner.user_id', '=', userId)),
  ])

/** A designer's campaigns that are not closed, soonest launch first, each with its next step. */
export async function designerCampaigns(db: DbOrTx, user: SessionUser, today: string): Promise<{ campaigns: DesignerCampaign[]; more: number }> {
  await bringSignOffUpToDate(db)
  const rows = await db
    .selectFrom('campaign')
    .select(['ref'])
    .where('status', '<>', 'closed')
    .where(mineOrCoOwned(user.id))
    .orderBy('planned_launch_date')
    .orderBy('ref')
    .limit(HOME_LIST_LIMIT + 1)
    .execute()
  const campaigns: DesignerCampaign[] = []
  for (const row of rows.slice(0, HOME_LIST_LIMIT)) {
    const campaign = await getCampaignByRef(db, row.ref)
    if (!campaign) continue
    const [messages, handling, forecast] = await Promise.all([messagesTaskInput(db, campaign.id), handlingTaskInput(db, campaign), forecastTaskState(db, campaign.id)])
    const tasks = campaignTasks({ ref: campaign.ref, status: campaign.status, plannedLaunchDate: campaign.plannedLaunchDate, today, messages, handling, forecast })
    campaigns.push({ ref: campaign.ref, name: campaign.name, status: campaign.status, plannedLaunchDate: campaign.plannedLaunchDate, nextStep: nextStep(tasks, campaign.status, campaign.ref) })
  }
  return { campaigns, more: Math.max(0, rows.length - HOME_LIST_LIMIT) }
}

export { SIGN_OFF_GROUPS, type SignOffGroup } from '../signoff/groups'

export interface InboxCampaign extends CampaignSummary {
  /** The user's groups whose sign-off the campaign needs. */
  groups: SignOffGroup[]
}

export interface SignOffInbox {
  awaiting: InboxCampaign[]
  outOfDate: InboxCampaign[]
}

/**
 * The campaigns waiting for this user's sign-off (never decided, or changed since their group asked for changes),
 * and those whose approval from one of the user's groups went out of date: the sign-off inbox, grouped by campaign,
 * oldest request first. Never a campaign the user owns or co-owns.
 */
export async function signOffInboxForUser(db: DbOrTx, user: SessionUser): Promise<SignOffInbox> {
  const groups = groupsOf(user)
  if (groups.length === 0) return { awaiting: [], outOfDate: [] }
  const { items } = await listSignOffInbox(db, user, groups)
  const collect = (wanted: (kind: InboxItem['kind']) => boolean): InboxCampaign[] => {
    const byRef = new Map<string, InboxCampaign>()
    for (const item of items.filter((i) => wanted(i.kind))) {
      const entry = byRef.get(item.ref) ?? { ref: item.ref, name: item.name, status: 'awaiting-sign-off', plannedLaunchDate: item.plannedLaunchDate, groups: [] }
      entry.groups.push(item.group)
      byRef.set(item.ref, entry)
    }
    return [...byRef.values()]
  }
  return { awaiting: collect((kind) => kind !== 'out-of-date'), outOfDate: collect((kind) => kind === 'out-of-date') }
}

export interface CampaignOverview {
  counts: Record<CampaignStatus, number>
  /** Not yet launched, soonest first. */
  upcoming: CampaignSummary[]
}

export async function campaignOverview(db: DbOrTx, today: string): Promise<CampaignOverview> {
  await bringSignOffUpToDate(db)
  const [counts, upcoming] = await Promise.all([
    db.selectFrom('campaign').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute(),
    db
      .selectFrom('campaign')
      .select(['ref', 'name', 'status', 'planned_launch_date'])
      .where('status', 'in', ['draft', 'awaiting-sign-off', 'approved'])
      .where('planned_launch_date', '>=', today)
      .orderBy('planned_launch_date')
      .orderBy('ref')
      .limit(5)
      .execute(),
  ])
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<CampaignStatus, number>
  for (const row of counts) if ((STATUSES as readonly string[]).includes(row.status)) byStatus[row.status as CampaignStatus] = Number(row.n)
  return {
    counts: byStatus,
    upcoming: upcoming.map((r) => ({ ref: r.ref, name: r.name, status: r.status as CampaignStatus, plannedLaunchDate: r.planned_launch_date })),
  }
}

/** Weeks ahead a helpline manager sees at a glance. */
export const OUTLOOK_WEEKS = 8

/**
 * The home page for this user: designers see their campaigns and the next step on each; members of a sign-off group
 * what awaits their decision; helpline managers each helpline's busiest week ahead; viewers, administrators and
 * anyone with no section of their own an overview of every campaign.
 */
export async function homeFor(db: DbOrTx, user: SessionUser, today: string) {
  const designer = hasRole(user, 'designer')
  const groupMember = hasRole(user, ...SIGN_OFF_GROUPS)
  const helplineManager = hasRole(user, 'customer-services')
  const overview = hasRole(user, 'viewer', 'admin') || !(designer || groupMember || helplineManager)
  const [mine, inbox, outlooks, summary] = await Promise.all([
    designer ? designerCampaigns(db, user, today) : null,
    groupMember ? signOffInboxForUser(db, user) : null,
    helplineManager ? helplineOutlooks(db, today, OUTLOOK_WEEKS) : null,
    overview ? campaignOverview(db, today) : null,
  ])
  return { name: user.name, admin: hasRole(user, 'admin'), mine, inbox, outlooks, outlookWeeks: OUTLOOK_WEEKS, summary }
}
