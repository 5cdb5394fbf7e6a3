// What a group's decision page shows, computed from the content as it is now: the scope, what changed since the
// group last decided, the forecast in a few sentences for Customer Services, and whether this person may decide.
import { formatDateTime, type CampaignStatus } from '../campaign/options'
import { diffFields } from '../content/diff'
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
  const [overview, helplines, decisions] = await Promise.all([signOffOverview(db, campaign.id), listHelplines(db), listSignOffDecisions(db, campaign.id)])
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
  return {
    title: `${GROUP_LABELS[group]} sign-off`,
    campaign: { ref: campaign.ref, name: campaign.name, status: campaign.status },
    group,
    required: g.required,
    state: g.state,
    currentHash: current.hash,
    scope: current.content,
    helplineNames: Object.fromEntries(helplineNames),
    forecastSummary: group === 'customer-services' ? await forecastSummaryForReading(db, campaign) : null,
    changedSince: g.changedSince,
    approverIsAuthor: g.approverIsAuthor,
    latest,
    // What changed since the group last decided, field by field, when that was on an earlier version.
    diffs: g.latest && g.latest.scopeHash !== current.hash ? diffFields(scopeForDiff(g.latest.snapshot, helplineNames), scopeForDiff(current.content, helplineNames), SCOPE_DIFF_LABELS) : null,
    canDecide: refusal === null,
    // Someone outside the group is told nothing about deciding: the page is for reading.
    whyNot: refusal === null || refusal === 'not-a-member' ? null : DECISION_REFUSAL_WORDS[refusal]({ group, status: campaign.status, latest: latest ? { name: latest.by, at: latest.at } : undefined, formatDateTime }),
    history: decisions
      .filter((d) => d.group === group)
      .reverse()
      .map((d) => ({ id: d.id, decision: d.decision, by: d.decidedBy.name, at: d.decidedAt, comment: d.comment, scopeHash: d.scopeHash })),
  }
}

export type SignOffReview = Awaited<ReturnType<typeof signOffReview>>
