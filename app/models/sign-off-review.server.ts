// What a group's decision page shows, computed from the content as it is now: who asked and the risks the group signs
// up to, the scope, what changed since the group last decided, the forecast in a few sentences for Customer Services,
// and whether this person may decide.
import { formatDateTime, type CampaignStatus } from '../campaign/options'
import { diffFields } from '../content/diff'
import { signOffRisks, versionNumbers } from '../signoff/decision-summary'
import { scopeForDiff, SCOPE_DIFF_LABELS } from '../signoff/display'
import { DECISION_REFUSAL_WORDS, decisionRefusal } from '../signoff/eligibility'
import { GROUP_LABELS, GROUP_ROLE, type SignOffGroup } from '../signoff/groups'
import { asLatest } from './signoff/decisions.server'
import type { DbOrTx } from '../utils/db.server'
import { hasRole, type SessionUser } from '../utils/roles'
import { isCampaignAuthor, type Campaign } from './campaign.server'
import { forecastSummaryForReading } from './forecast.server'
import { listHelplines } from './helpline.server'
import { listSignOffDecisions } from './signoff/decisions.server'
import { signOffOverview } from './signoff/views.server'

export async function signOffReview(db: DbOrTx, user: SessionUser, campaign: Campaign, group: SignOffGroup) {
  const [overview, helplines, decisions, stored] = await Promise.all([
    signOffOverview(db, campaign.id),
    listHelplines(db),
    listSignOffDecisions(db, campaign.id),
    db.selectFrom('campaign_scope').select(['current_hash', 'changed_at']).where('campaign_id', '=', campaign.id).where('grp', '=', group).executeTakeFirst(),
  ])
  const g = overview!.groups.find((x) => x.group === group)!
  const current = overview!.scopes[group]
  const helplineNames = new Map(helplines.map((h) => [h.id, h.name]))
  const member = hasRole(user, GROUP_ROLE[group])
  const refusal = decisionRefusal({
    group,
    status: campaign.status as CampaignStatus,
    member,
    author: isCampaignAuthor(user, campaign),
    required: g.required,
    asked: !!overview!.asked,
    latest: asLatest(g.latest),
    currentHash: current.hash,
    authorIds: overview!.authorIds,
  })
  const latest = g.latest ? { decision: g.latest.decision, by: g.latest.decidedBy.name, at: g.latest.decidedAt, comment: g.latest.comment, scopeHash: g.latest.scopeHash } : null
  const groupDecisions = decisions.filter((d) => d.group === group)
  const versions = versionNumbers(
    groupDecisions.map((d) => d.scopeHash),
    current.hash,
  )
  const forecastSummary = group === 'customer-services' ? await forecastSummaryForReading(db, campaign) : null
  return {
    title: `${GROUP_LABELS[group]} sign-off`,
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    group,
    required: g.required,
    state: g.state,
    currentHash: current.hash,
    scope: current.content,
    helplineNames: Object.fromEntries(helplineNames),
    forecastSummary,
    asked: overview!.asked,
    launchDate: campaign.plannedLaunchDate,
    risks: signOffRisks(group, current.content, forecastSummary ? { shortfalls: forecastSummary.shortfalls } : null),
    // When this content was saved: kept with the group's hash as each save moves it on.
    version: { number: versions.get(current.hash)!, savedAt: stored?.current_hash === current.hash ? stored.changed_at : null },
    changedSince: g.changedSince,
    approverIsAuthor: g.approverIsAuthor,
    latest,
    // What changed since the group last decided, field by field, when that was on an earlier version.
    diffs: g.latest && g.latest.scopeHash !== current.hash ? diffFields(scopeForDiff(g.latest.snapshot, helplineNames), scopeForDiff(current.content, helplineNames), SCOPE_DIFF_LABELS) : null,
    canDecide: refusal === null,
    // Someone outside the group is told nothing about deciding: the page is for reading.
    whyNot: refusal === null || refusal === 'not-a-member' ? null : DECISION_REFUSAL_WORDS[refusal]({ group, status: campaign.status, latest: latest ? { name: latest.by, at: latest.at } : undefined, formatDateTime }),
    history: [...groupDecisions]
      .reverse()
      .map((d) => ({ id: d.id, decision: d.decision, by: d.decidedBy.name, at: d.decidedAt, comment: d.comment, scopeHash: d.scopeHash, version: versions.get(d.scopeHash)! })),
  }
}

export type SignOffReview = Awaited<ReturnType<typeof signOffReview>>
