// Launch: the last step, in one write transaction through the content-write gateway. Every approval is re-checked
// against the content and the authors as they are inside the transaction, never taken from the cached status.
import crypto from 'node:crypto'
import { formatDateTime } from '../campaign/format'
import { bankHolidayWarnings, type LaunchWarning } from '../campaign/launch-checks'
import { NATION_LABELS, type Nation } from '../campaign/options'
import { GROUP_LABELS, groupName, type SignOffGroup } from '../signoff/groups'
import { describeParts, scopeContent, type SignOffAggregate } from '../signoff/scopes'
import { CALL_TYPE_LABELS, type CallType } from '../content/script-rules'
import { capitalise } from '../signoff/words'
import { canonicalJson } from '../utils/canonical-json'
import type { DbOrTx } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'
import { getActiveBankHolidays } from './bank-holidays.server'
import { getCampaignByRef, type Campaign } from './campaign.server'
import { writeCampaignContent, type WriteRefusal } from './content-write.server'
import { buildCampaignExport } from './export.server'
import { listMessages } from './message.server'
import { signOffBlockers, type Blocker } from './signoff/aggregate.server'
import { signOffOverview, type GroupOverview } from './signoff/views.server'
export { getLaunchRecord, type LaunchRecord } from './signoff/views.server'

export interface LaunchProblem {
  group: SignOffGroup | null
  text: string
  href: string
}

/** One sentence per required group without a current approval, saying exactly why. */
export function approvalProblems(ref: string, groups: readonly GroupOverview[]): LaunchProblem[] {
  const problems: LaunchProblem[] = []
  for (const g of groups.filter((x) => x.required && x.state !== 'approved')) {
    const href = `/campaigns/${ref}/sign-off/${g.group}`
    const name = groupName(g.group)
    const latest = g.latest
    if (g.state === 'not-asked') problems.push({ group: g.group, text: `Sign-off has not been asked for, so ${name} has not approved the campaign`, href })
    else if (g.state === 'awaiting') problems.push({ group: g.group, text: `${capitalise(name)} has not decided yet`, href })
    else if (g.state === 'out-of-date' && latest) {
      const approved = `${latest.decidedBy.name} approved it on ${formatDateTime(latest.decidedAt)}`
      const reasons = [
        ...(g.changedSince.length || !g.approverIsAuthor ? [`${g.changedSince.length ? describeParts(g.changedSince) : 'its content'} changed after ${approved}`] : []),
        ...(g.approverIsAuthor ? [`${g.changedSince.length ? latest.decidedBy.name : approved} and is now an owner or co-owner of the campaign`] : []),
      ]
      problems.push({ group: g.group, text: `The ${GROUP_LABELS[g.group]} approval is out of date: ${reasons.join('; ')}`, href })
    } else if (g.state === 'changes-requested' && latest) {
      problems.push({ group: g.group, text: `${capitalise(name)} asked for changes (${latest.decidedBy.name}: “${latest.comment ?? ''}”) and has not approved a later version`, href })
    }
  }
  return problems
}

const CHANNEL_WORDS: Record<string, string> = { letter: 'letter', email: 'email', sms: 'text message', online: 'online account message' }

/**
 * A Welsh version that translates an English text since changed cannot go out: one sentence for each, saying so. Its
 * translation must be brought up to date (and Welsh Language Services must approve it) before the campaign launches.
 */
export function translationProblems(ref: string, aggregate: SignOffAggregate): LaunchProblem[] {
  const scope = scopeContent('welsh-language-services', aggregate)
  const base = `/campaigns/${ref}/welsh`
  const after = 'the English changed after it was translated, so the Welsh must be brought up to date and approved again'
  return [
    ...scope.welshMessages
      .filter((m) => !m.translationCurrent)
      .map((m) => ({ group: null, text: `The Welsh version of the ${CHANNEL_WORDS[m.channel] ?? 'message'} “${m.name}” is out of date: ${after}`, href: `${base}/messages/${m.id}` })),
    ...scope.welshLines
      .filter((l) => !l.translationCurrent)
      .map((l) => ({ group: null, text: `The Welsh version of the line “${l.english.question.slice(0, 80)}” is out of date: ${after}`, href: `${base}/lines/${l.id}` })),
    ...scope.welshScripts
      .filter((x) => !x.translationCurrent)
      .map((x) => ({
        group: null,
        text: `The Welsh ${(CALL_TYPE_LABELS[x.callType as CallType] ?? x.callType).toLowerCase()} script is out of date: ${after}`,
        href: `${base}/scripts/${x.callType}`,
      })),
  ]
}

export interface LaunchReadiness {
  ready: boolean
  problems: LaunchProblem[]
  /** Worth checking, but no reason not to launch: a launch or send date on a bank holiday. */
  warnings: LaunchWarning[]
}

/** Whether the campaign can launch now, computed from its content as it is, every reason it cannot, and what to check. */
export async function launchReadiness(db: DbOrTx, campaign: Campaign): Promise<LaunchReadiness> {
  const [overview, blockers, messages, bankHolidays] = await Promise.all([
    signOffOverview(db, campaign.id),
    signOffBlockers(db, campaign),
    listMessages(db, campaign.id),
    getActiveBankHolidays(db),
  ])
  const problems = [
    ...approvalProblems(campaign.ref, overview!.groups),
    ...translationProblems(campaign.ref, overview!.aggregate),
    ...blockers.map((b: Blocker) => ({ group: null, ...b })),
  ]
  const nation = campaign.nation as Nation
  const warnings = bankHolidayWarnings(
    { ref: campaign.ref, plannedLaunchDate: campaign.plannedLaunchDate, nationName: NATION_LABELS[nation] ?? campaign.nation },
    messages.flatMap((m) => m.waves.map((w) => ({ messageId: m.id, messageName: m.name, sendDate: w.sendDate }))),
    bankHolidays.file[nation]?.events ?? [],
  )
  return { ready: problems.length === 0, problems, warnings }
}

export type LaunchResult =
  | { ok: true; hash: string }
  | { ok: false; reason: WriteRefusal }
  | { ok: false; reason: 'not-approved'; problems: LaunchProblem[] }

/**
 * Launches the campaign in one write transaction: every required group must have a current approval of the content as
 * it is inside the transaction, by someone who is not an owner or co-owner now; then the whole campaign is
 * snapshotted, hashed, stored (append-only) and the status set to launched. From then on every content write is
 * refused, so the snapshot is the content that was signed. A concurrent edit either commits first (and this refuses)
 * or waits and is refused as locked.
 */
export async function launchCampaign(db: DbOrTx, input: { campaignId: string }, user: SessionUser): Promise<LaunchResult> {
  return writeCampaignContent(db, { campaignId: input.campaignId, user }, async ({ tx, at, record }): Promise<LaunchResult> => {
    const row = await tx.selectFrom('campaign').select('ref').where('id', '=', input.campaignId).executeTakeFirstOrThrow()
    const campaign = (await getCampaignByRef(tx, row.ref))!
    const overview = (await signOffOverview(tx, campaign.id))!
    const problems: LaunchProblem[] = [
      ...approvalProblems(campaign.ref, overview.groups),
      ...translationProblems(campaign.ref, overview.aggregate),
      ...(await signOffBlockers(tx, campaign)).map((b) => ({ group: null, ...b })),
    ]
    if (problems.length > 0) return { ok: false, reason: 'not-approved', problems }
    const updated = await tx
      .updateTable('campaign')
      .set({ status: 'launched', updated_at: at })
      .where('id', '=', campaign.id)
      .where('status', 'in', ['approved', 'awaiting-sign-off'])
      .executeTakeFirst()
    if (updated.numUpdatedRows !== 1n) return { ok: false, reason: 'not-approved', problems: [{ group: null, text: 'The campaign is not approved yet', href: `/campaigns/${campaign.ref}/sign-off` }] }
    const launched = (await getCampaignByRef(tx, campaign.ref))!
    const { launch: _launch, ...document } = await buildCampaignExport(tx, launched)
    const approvedScopes = Object.fromEntries(overview.groups.filter((g) => g.required).map((g) => [g.group, g.currentHash]))
    const snapshotJson = canonicalJson({ ...document, approvedScopes })
    const hash = crypto.createHash('sha256').update(snapshotJson, 'utf8').digest('hex')
    await tx.insertInto('launch_snapshot').values({ campaign_id: campaign.id, hash, snapshot_json: snapshotJson, launched_by: user.id, launched_at: at }).execute()
    record({
      audit: {
        action: 'campaign.launched',
        entityType: 'campaign',
        entityId: campaign.id,
        summary: `Launched the campaign. Its content is now locked; launch snapshot SHA-256 ${hash}`,
        before: { status: campaign.status },
        after: { status: 'launched', snapshotHash: hash, approvedScopes },
      },
    })
    return { ok: true, hash }
  })
}

/** The stored snapshot, parsed: for tests and for anyone checking the record. */
export async function getLaunchSnapshot(db: DbOrTx, campaignId: string): Promise<{ hash: string; snapshotJson: string; snapshot: Record<string, unknown> } | null> {
  const row = await db.selectFrom('launch_snapshot').select(['hash', 'snapshot_json']).where('campaign_id', '=', campaignId).executeTakeFirst()
  return row ? { hash: row.hash, snapshotJson: row.snapshot_json, snapshot: JSON.parse(row.snapshot_json) as Record<string, unknown> } : null
}
