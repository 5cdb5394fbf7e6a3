// What each group signs: a plain, deterministic object built from the campaign's content. Its canonical
// JSON is hashed to bind an approval to one version, and it is stored as the snapshot the approver saw.
import { canonicalJson } from '../utils/canonical-json'
import type { SignOffGroup } from './groups'

export interface ScopeWave {
  sendDate: string
  volume: number
}

export interface ScopeMessage {
  id: string
  name: string
  channel: string
  referenceType: string
  subject: string | null
  addressBlock: string | null
  postage: string | null
  deadlineDays: number | null
  body: string
  waves: ScopeWave[]
}

export interface ScopeLine {
  id: string
  audience: string
  standardQuestion: string | null
  question: string
  answer: string
}

export interface ScopeScript {
  id: string
  callType: string
  opening: string
  verification: string
  recordingNotice: string
  body: string
  closing: string
}

export interface ScopeForecastInputs {
  contactRatesPercent: { low: number; central: number; high: number }
  /** Only the channels whose default curve was changed. */
  responseCurvesPercent: Record<string, number[]>
  deadlineBump: { sharePercent: number; workingDays: number }
  /** One entry per current message, in message order; a message without saved settings has no split. */
  messages: { id: string; delayOverrideDays: number | null; split: { id: string; sharePercent: number }[] }[]
}

/**
 * Everything any group signs, as stored: messages in the order they were added, lines and scripts as the task pages
 * list them, the forecast inputs as saved (null until first saved). Volatile fields (versions, timestamps, authors)
 * are not in it, so saving identical content again never changes a hash.
 */
export interface SignOffAggregate {
  campaign: {
    plannedLaunchDate: string
    nation: string
    extraLiability: boolean
    liabilityCustomers: number | null
    liabilityAveragePence: number | null
    pressInform: boolean
  }
  messages: ScopeMessage[]
  forecast: Omit<ScopeForecastInputs, 'messages'> & { messages: Record<string, { delayOverrideDays: number | null; split: Record<string, number> }> } | null
  lines: ScopeLine[]
  scripts: ScopeScript[]
  debtTreatment: { specialTreatment: string } | null
  pressBriefing: { launchDateTold: string } | null
}

export interface CustomerServicesScope {
  launchDate: string
  messages: ScopeMessage[]
  forecastInputs: (ScopeForecastInputs & { nation: string }) | null
  helplineLines: Omit<ScopeLine, 'audience'>[]
  internalLines: Omit<ScopeLine, 'audience'>[]
  scripts: ScopeScript[]
}

export interface DebtManagementScope {
  liabilityEstimate: { customers: number | null; averagePence: number | null }
  specialTreatment: string | null
  debtManagementLines: Omit<ScopeLine, 'audience'>[]
  messages: ScopeMessage[]
}

export interface PressOfficeScope {
  launchDate: string
  launchDateTold: string | null
  pressLines: Omit<ScopeLine, 'audience'>[]
  messages: Omit<ScopeMessage, 'waves'>[]
}

export interface ScopeByGroup {
  'customer-services': CustomerServicesScope
  'debt-management': DebtManagementScope
  'press-office': PressOfficeScope
}

export type Scope = ScopeByGroup[SignOffGroup]

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Order is not content (docs/lines-and-scripts.md): moving a line up or down must not put an approval out of date,
 * so lines are signed in an order that depends on their text alone.
 */
function linesFor(aggregate: SignOffAggregate, audience: string): Omit<ScopeLine, 'audience'>[] {
  return aggregate.lines
    .filter((line) => line.audience === audience)
    .map((line) => ({ id: line.id, standardQuestion: line.standardQuestion, question: line.question, answer: line.answer }))
    .sort((a, b) => byCodePoint(a.question, b.question) || byCodePoint(a.answer, b.answer) || byCodePoint(a.id, b.id))
}

function messagesFor(aggregate: SignOffAggregate): ScopeMessage[] {
  return aggregate.messages.map((m) => ({
    id: m.id,
    name: m.name,
    channel: m.channel,
    referenceType: m.referenceType,
    subject: m.subject,
    addressBlock: m.addressBlock,
    postage: m.postage,
    deadlineDays: m.deadlineDays,
    body: m.body,
    waves: m.waves.map((w) => ({ sendDate: w.sendDate, volume: w.volume })),
  }))
}

function forecastFor(aggregate: SignOffAggregate): CustomerServicesScope['forecastInputs'] {
  const saved = aggregate.forecast
  if (!saved) return null
  return {
    nation: aggregate.campaign.nation,
    contactRatesPercent: { ...saved.contactRatesPercent },
    responseCurvesPercent: Object.fromEntries(Object.entries(saved.responseCurvesPercent).map(([channel, curve]) => [channel, [...curve]])),
    deadlineBump: { ...saved.deadlineBump },
    // Settings left behind by a deleted message are not part of anything anyone reads, so they are not signed.
    messages: aggregate.messages.map((m) => {
      const own = saved.messages[m.id]
      return {
        id: m.id,
        delayOverrideDays: own?.delayOverrideDays ?? null,
        split: Object.entries(own?.split ?? {})
          .filter(([, share]) => share > 0)
          .map(([id, sharePercent]) => ({ id, sharePercent }))
          .sort((a, b) => byCodePoint(a.id, b.id)),
      }
    }),
  }
}

export function scopeContent<G extends SignOffGroup>(group: G, aggregate: SignOffAggregate): ScopeByGroup[G]
export function scopeContent(group: SignOffGroup, aggregate: SignOffAggregate): Scope {
  switch (group) {
    case 'customer-services':
      return {
        launchDate: aggregate.campaign.plannedLaunchDate,
        messages: messagesFor(aggregate),
        forecastInputs: forecastFor(aggregate),
        helplineLines: linesFor(aggregate, 'helpline'),
        internalLines: linesFor(aggregate, 'internal'),
        scripts: aggregate.scripts.map((s) => ({
          id: s.id,
          callType: s.callType,
          opening: s.opening,
          verification: s.verification,
          recordingNotice: s.recordingNotice,
          body: s.body,
          closing: s.closing,
        })),
      }
    case 'debt-management':
      return {
        liabilityEstimate: aggregate.campaign.extraLiability
          ? { customers: aggregate.campaign.liabilityCustomers, averagePence: aggregate.campaign.liabilityAveragePence }
          : { customers: null, averagePence: null },
        specialTreatment: aggregate.debtTreatment?.specialTreatment ?? null,
        debtManagementLines: linesFor(aggregate, 'debt-management'),
        messages: messagesFor(aggregate),
      }
    case 'press-office':
      return {
        launchDate: aggregate.campaign.plannedLaunchDate,
        launchDateTold: aggregate.pressBriefing?.launchDateTold ?? null,
        pressLines: linesFor(aggregate, 'press'),
        messages: messagesFor(aggregate).map(({ waves: _waves, ...message }) => message),
      }
  }
}

/** The parts of a scope, in page order, as sentences name them: "the press lines changed". */
export const SCOPE_PART_LABELS: Record<string, string> = {
  launchDate: 'the planned launch date',
  launchDateTold: 'the launch date told to the Press Office',
  liabilityEstimate: 'the liability estimate',
  specialTreatment: 'the special treatment',
  messages: 'the messages',
  waves: 'the waves',
  forecastInputs: 'the forecast inputs',
  helplineLines: 'the helpline lines',
  internalLines: 'the internal lines',
  debtManagementLines: 'the Debt Management lines',
  pressLines: 'the press lines',
  scripts: 'the scripts',
}

const withoutWaves = (messages: unknown) =>
  Array.isArray(messages) ? messages.map((m) => (m && typeof m === 'object' ? { ...(m as object), waves: undefined } : m)) : messages
const wavesOf = (messages: unknown) => (Array.isArray(messages) ? messages.map((m) => (m && typeof m === 'object' ? (m as { waves?: unknown }).waves : null)) : null)

/**
 * Which parts differ between what was signed and what there is now, e.g. ['pressLines']. A change to a message's
 * waves alone is reported as 'waves', so an approver knows the text they read is unchanged.
 */
export function changedParts(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
  const order = Object.keys(SCOPE_PART_LABELS)
  keys.sort((x, y) => (order.indexOf(x) === -1 ? 99 : order.indexOf(x)) - (order.indexOf(y) === -1 ? 99 : order.indexOf(y)))
  const parts: string[] = []
  for (const key of keys) {
    if (key === 'messages') {
      if (canonicalJson(withoutWaves(b[key]) ?? null) !== canonicalJson(withoutWaves(a[key]) ?? null)) parts.push('messages')
      if (canonicalJson(wavesOf(b[key]) ?? null) !== canonicalJson(wavesOf(a[key]) ?? null)) parts.push('waves')
    } else if (canonicalJson(b[key] ?? null) !== canonicalJson(a[key] ?? null)) {
      parts.push(key)
    }
  }
  return parts
}

/** "the press lines", "the messages and the waves", "the launch date, the messages and the press lines" */
export function describeParts(parts: readonly string[]): string {
  const labels = parts.map((p) => SCOPE_PART_LABELS[p] ?? p)
  return labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`
}
