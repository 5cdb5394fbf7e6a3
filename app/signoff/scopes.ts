// What each group signs: a plain, deterministic object built from the campaign's content. Its canonical
// JSON is hashed to bind an approval to one version, and it is stored as the snapshot the approver saw.
import { canonicalJson } from '../utils/canonical-json'
import { requiredGroups, type SignOffGroup } from './groups'

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
  /**
   * A letter's own delivery profile (% by working day after posting). It shapes the forecast, so Customer Services
   * sign it with the forecast inputs; the message scopes leave it out.
   */
  deliveryProfile?: number[] | null
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
  messages: { id: string; delayOverrideDays: number | null; split: { id: string; sharePercent: number }[]; deliveryProfilePercent?: number[] }[]
}

/** A Welsh version as stored: the English record's id, the Welsh text, and the English text it was translated from. */
export interface AggregateTranslation {
  id: string
  welsh: Record<string, unknown>
  translatedFrom: Record<string, unknown>
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
    populationSize: number
    /** Customers who asked HMRC to write to them in Welsh. */
    welshCustomers: number
  }
  messages: ScopeMessage[]
  forecast: Omit<ScopeForecastInputs, 'messages'> & { messages: Record<string, { delayOverrideDays: number | null; split: Record<string, number> }> } | null
  lines: ScopeLine[]
  scripts: ScopeScript[]
  debtTreatment: { specialTreatment: string } | null
  pressBriefing: { launchDateTold: string } | null
  /** The Welsh versions, of records that exist. */
  welsh: { messages: AggregateTranslation[]; lines: AggregateTranslation[]; scripts: AggregateTranslation[] }
}

/** Whether anything has a Welsh version: Welsh Language Services must then sign the campaign off. */
export function hasWelshContent(aggregate: Pick<SignOffAggregate, 'welsh'>): boolean {
  return aggregate.welsh.messages.length + aggregate.welsh.lines.length + aggregate.welsh.scripts.length > 0
}

/** The groups that must sign this content off. */
export function requiredGroupsFor(aggregate: Pick<SignOffAggregate, 'campaign' | 'welsh'>): SignOffGroup[] {
  return requiredGroups({ ...aggregate.campaign, welshContent: hasWelshContent(aggregate) })
}

export interface ScopeWelshMessage {
  id: string
  layout: string | null
  subject: string | null
  body: string
}

export interface CustomerServicesScope {
  launchDate: string
  messages: ScopeMessage[]
  /** Only when any message has a Welsh version, so a campaign without Welsh signs what it always signed. */
  welshMessages?: ScopeWelshMessage[]
  forecastInputs: (ScopeForecastInputs & { nation: string }) | null
  /** Only when customers asked for Welsh: their share of each message's calls goes to the Welsh helpline. */
  welshCustomers?: { customers: number; populationSize: number }
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

/** Each Welsh version beside the English as it is now: a change to either side puts an approval out of date. */
export interface WelshLanguageServicesScope {
  welshMessages: {
    id: string
    name: string
    channel: string
    english: { subject: string | null; body: string }
    welsh: { layout: string | null; subject: string | null; body: string }
    /** False while the English has changed since the Welsh was translated. */
    translationCurrent: boolean
  }[]
  welshLines: {
    id: string
    audience: string
    standardQuestion: string | null
    english: { question: string; answer: string }
    welsh: { question: string; answer: string }
    translationCurrent: boolean
  }[]
  welshScripts: {
    id: string
    callType: string
    english: Omit<ScopeScript, 'id' | 'callType'>
    welsh: Omit<ScopeScript, 'id' | 'callType'>
    translationCurrent: boolean
  }[]
}

export interface ScopeByGroup {
  'customer-services': CustomerServicesScope
  'debt-management': DebtManagementScope
  'press-office': PressOfficeScope
  'welsh-language-services': WelshLanguageServicesScope
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
        // Only when set, so forecasts signed before letters could have their own profile keep their hash.
        ...(m.deliveryProfile?.length ? { deliveryProfilePercent: [...m.deliveryProfile] } : {}),
      }
    }),
  }
}

const text = (value: unknown) => (typeof value === 'string' ? value : '')
const textOrNull = (value: unknown) => (typeof value === 'string' ? value : null)
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)
const SECTIONS = ['opening', 'verification', 'recordingNotice', 'body', 'closing'] as const
const sectionsOf = (value: Record<string, unknown>) => Object.fromEntries(SECTIONS.map((s) => [s, text(value[s])])) as Omit<ScopeScript, 'id' | 'callType'>

/** The Welsh messages in message order, as Customer Services signs them. */
function welshMessagesFor(aggregate: SignOffAggregate): ScopeWelshMessage[] {
  const welsh = new Map(aggregate.welsh.messages.map((t) => [t.id, t]))
  return aggregate.messages
    .filter((m) => welsh.has(m.id))
    .map((m) => {
      const w = welsh.get(m.id)!.welsh
      return { id: m.id, layout: textOrNull(w.layout), subject: textOrNull(w.subject), body: text(w.body) }
    })
}

function welshScope(aggregate: SignOffAggregate): WelshLanguageServicesScope {
  const byId = (list: AggregateTranslation[]) => new Map(list.map((t) => [t.id, t]))
  const messages = byId(aggregate.welsh.messages)
  const lines = byId(aggregate.welsh.lines)
  const scripts = byId(aggregate.welsh.scripts)
  return {
    welshMessages: aggregate.messages
      .filter((m) => messages.has(m.id))
      .map((m) => {
        const t = messages.get(m.id)!
        const english = { subject: m.channel === 'email' ? (m.subject ?? '') : null, body: m.body }
        return {
          id: m.id,
          name: m.name,
          channel: m.channel,
          english,
          welsh: { layout: textOrNull(t.welsh.layout), subject: textOrNull(t.welsh.subject), body: text(t.welsh.body) },
          translationCurrent: same({ channel: m.channel, ...english }, t.translatedFrom),
        }
      }),
    welshLines: aggregate.lines
      .filter((l) => lines.has(l.id))
      .map((l) => {
        const t = lines.get(l.id)!
        const english = { question: l.question, answer: l.answer }
        return {
          id: l.id,
          audience: l.audience,
          standardQuestion: l.standardQuestion,
          english,
          welsh: { question: text(t.welsh.question), answer: text(t.welsh.answer) },
          translationCurrent: same(english, t.translatedFrom),
        }
      })
      // Order is not content, as for the English lines.
      .sort((a, b) => byCodePoint(a.english.question, b.english.question) || byCodePoint(a.english.answer, b.english.answer) || byCodePoint(a.id, b.id)),
    welshScripts: aggregate.scripts
      .filter((s) => scripts.has(s.id))
      .map((s) => {
        const t = scripts.get(s.id)!
        const english = sectionsOf(s as unknown as Record<string, unknown>)
        return { id: s.id, callType: s.callType, english, welsh: sectionsOf(t.welsh), translationCurrent: same(english, t.translatedFrom) }
      }),
  }
}

export function scopeContent<G extends SignOffGroup>(group: G, aggregate: SignOffAggregate): ScopeByGroup[G]
export function scopeContent(group: SignOffGroup, aggregate: SignOffAggregate): Scope {
  switch (group) {
    case 'customer-services': {
      const welshMessages = welshMessagesFor(aggregate)
      return {
        launchDate: aggregate.campaign.plannedLaunchDate,
        messages: messagesFor(aggregate),
        ...(welshMessages.length ? { welshMessages } : {}),
        forecastInputs: forecastFor(aggregate),
        ...(aggregate.campaign.welshCustomers > 0 ? { welshCustomers: { customers: aggregate.campaign.welshCustomers, populationSize: aggregate.campaign.populationSize } } : {}),
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
    case 'welsh-language-services':
      return welshScope(aggregate)
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
  welshMessages: 'the Welsh messages',
  welshCustomers: 'the Welsh-preference customers',
  welshLines: 'the Welsh lines',
  welshScripts: 'the Welsh scripts',
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
