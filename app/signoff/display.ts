// Scopes as people read them: codes turned into words, so a diff between what was signed and what there is now reads
// "Second class" and "Self Assessment helpline: 85%", not "second" and an id. Pure, shared by pages and tests.
import { formatDate, formatNumber, formatPence, NATION_LABELS } from '../campaign/options'
import { CALL_TYPE_LABELS } from '../content/script-rules'
import { STANDARD_QUESTION_LABELS } from '../content/coverage'
import { REFERENCE_TYPE_LABELS } from '../content/fields'
import { CHANNEL_LABELS, POSTAGE_LABELS } from '../content/rules'
import { WELSH_LAYOUT_LABELS } from '../welsh/translation'

const lookup = (labels: Record<string, string>, value: unknown) => (typeof value === 'string' && labels[value]) || value
const date = (value: unknown) => (typeof value === 'string' ? formatDate(value) : value)
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isObject) : [])

/** Field labels for diffFields, by generic path. */
export const SCOPE_DIFF_LABELS: Record<string, string> = {
  launchDate: 'Planned launch date',
  launchDateTold: 'Launch date told to the Press Office',
  liabilityEstimate: 'Liability estimate',
  'liabilityEstimate.customers': 'Customers with extra liability',
  'liabilityEstimate.averagePence': 'Average extra liability',
  specialTreatment: 'Special treatment',
  messages: 'Messages',
  'messages[].referenceType': 'Reference type',
  'messages[].addressBlock': 'Address block',
  'messages[].deadlineDays': 'Action deadline (days after delivery)',
  'messages[].waves': 'Waves (send date: volume)',
  forecastInputs: 'Forecast inputs',
  'forecastInputs.nation': 'Bank holidays',
  'forecastInputs.contactRatesPercent': 'Contact rates (%)',
  'forecastInputs.responseCurvesPercent': 'Changed response curves (% of calls by working day)',
  'forecastInputs.deadlineBump': 'Calls before the action deadline',
  'forecastInputs.deadlineBump.sharePercent': 'Share of calls (%)',
  'forecastInputs.deadlineBump.workingDays': 'Working days before the deadline',
  'forecastInputs.messages': 'Messages',
  'forecastInputs.messages[].delayOverrideDays': 'Delivery delay set by hand (working days)',
  'forecastInputs.messages[].split': 'Helplines that take the calls',
  'forecastInputs.messages[].deliveryProfile': 'Own delivery profile (% delivered by working day after posting)',
  helplineLines: 'Helpline lines',
  internalLines: 'Internal lines',
  debtManagementLines: 'Debt Management lines',
  pressLines: 'Press lines',
  standardQuestion: 'Standard question answered',
  scripts: 'Scripts',
  callType: 'Call type',
  welshMessages: 'Welsh messages',
  'welshMessages[].layout': 'Letter layout',
  'welshMessages[].english': 'English',
  'welshMessages[].welsh': 'Welsh',
  'welshMessages[].welsh.layout': 'Letter layout',
  'welshMessages[].translationCurrent': 'Translates the English as it is now',
  welshCustomers: 'Welsh-preference customers',
  'welshCustomers.customers': 'Customers who asked for Welsh',
  'welshCustomers.populationSize': 'Of a population of',
  welshLines: 'Welsh lines',
  'welshLines[].english': 'English',
  'welshLines[].welsh': 'Welsh',
  'welshLines[].translationCurrent': 'Translates the English as it is now',
  welshScripts: 'Welsh scripts',
  'welshScripts[].english': 'English',
  'welshScripts[].welsh': 'Welsh',
  'welshScripts[].translationCurrent': 'Translates the English as it is now',
}

/** Whether a field of a (readable) scope holds Welsh text: what a diff marks lang="cy". */
export function isWelshField(path: string): boolean {
  return /^welshMessages\[[^\]]*\]\.(subject|body)$/.test(path) || /^welsh(Messages|Lines|Scripts)\[[^\]]*\]\.welsh\.(?!layout)/.test(path)
}

function lines(value: unknown) {
  return list(value).map((line) => ({ ...line, standardQuestion: lookup(STANDARD_QUESTION_LABELS, line.standardQuestion) }))
}

/**
 * A scope (or a stored snapshot of one) made readable for a comparison. Helpline names come from the caller, as
 * helplines are not part of any scope; an unknown id reads "(removed helpline)".
 */
export function scopeForDiff(scope: unknown, helplineNames: ReadonlyMap<string, string>): unknown {
  if (!isObject(scope)) return scope
  const out: Record<string, unknown> = { ...scope }
  const messageNames = new Map(list(scope.messages).map((m) => [m.id, m.name]))
  if ('launchDate' in scope) out.launchDate = date(scope.launchDate)
  if ('launchDateTold' in scope) out.launchDateTold = scope.launchDateTold === null ? 'Not recorded' : date(scope.launchDateTold)
  if (isObject(scope.liabilityEstimate)) {
    const pence = scope.liabilityEstimate.averagePence
    const customers = scope.liabilityEstimate.customers
    out.liabilityEstimate = {
      customers: typeof customers === 'number' ? formatNumber(customers) : customers,
      averagePence: typeof pence === 'number' ? formatPence(pence) : pence,
    }
  }
  if ('messages' in scope) {
    out.messages = list(scope.messages).map((m) => ({
      ...m,
      channel: lookup(CHANNEL_LABELS, m.channel),
      referenceType: lookup(REFERENCE_TYPE_LABELS, m.referenceType),
      postage: lookup(POSTAGE_LABELS, m.postage),
      ...(Array.isArray(m.waves)
        ? { waves: list(m.waves).map((w) => `${typeof w.sendDate === 'string' ? formatDate(w.sendDate) : '?'}: ${typeof w.volume === 'number' ? formatNumber(w.volume) : '?'}`) }
        : {}),
    }))
  }
  if (isObject(scope.forecastInputs)) {
    const f = scope.forecastInputs
    out.forecastInputs = {
      ...f,
      nation: lookup(NATION_LABELS, f.nation),
      messages: list(f.messages).map((m) => ({
        id: m.id,
        name: messageNames.get(m.id) ?? 'A removed message',
        delayOverrideDays: m.delayOverrideDays === null ? 'Standard' : m.delayOverrideDays,
        split: list(m.split).map((s) => `${helplineNames.get(String(s.id)) ?? '(removed helpline)'}: ${String(s.sharePercent)}%`),
        ...(Array.isArray(m.deliveryProfilePercent) ? { deliveryProfile: m.deliveryProfilePercent.map((x, k) => `Working day ${k + 1}: ${String(x)}%`) } : {}),
      })),
    }
  }
  for (const key of ['helplineLines', 'internalLines', 'debtManagementLines', 'pressLines']) if (key in scope) out[key] = lines(scope[key])
  if ('scripts' in scope) out.scripts = list(scope.scripts).map(({ callType, ...s }) => ({ name: lookup(CALL_TYPE_LABELS, callType), ...s }))
  const yesNo = (value: unknown) => (value === true ? 'Yes' : value === false ? 'No: the English has changed since' : value)
  const layout = (value: unknown) => (value === null ? undefined : lookup(WELSH_LAYOUT_LABELS, value))
  if ('welshMessages' in scope) {
    out.welshMessages = list(scope.welshMessages).map((m) => {
      const welsh = isObject(m.welsh) ? { ...m.welsh, layout: layout(m.welsh.layout) } : m.welsh
      return 'welsh' in m
        ? { ...m, name: m.name ?? messageNames.get(m.id), channel: lookup(CHANNEL_LABELS, m.channel), welsh, translationCurrent: yesNo(m.translationCurrent) }
        : { name: messageNames.get(m.id) ?? 'A removed message', ...m, layout: layout(m.layout) }
    })
  }
  if ('welshLines' in scope) {
    out.welshLines = list(scope.welshLines).map((l) => ({
      question: isObject(l.english) ? l.english.question : undefined,
      ...l,
      standardQuestion: lookup(STANDARD_QUESTION_LABELS, l.standardQuestion),
      translationCurrent: yesNo(l.translationCurrent),
    }))
  }
  if ('welshScripts' in scope) {
    out.welshScripts = list(scope.welshScripts).map(({ callType, ...s }) => ({ name: lookup(CALL_TYPE_LABELS, callType), ...s, translationCurrent: yesNo(s.translationCurrent) }))
  }
  return out
}

/** Figures worked out from the saved forecast for the reader; not signed, as they also depend on helpline settings. */
export interface ForecastSummaryView {
  rows: { key: string; value: string }[]
  helplines: { name: string; text: string }[]
  /** Each helpline's open days short of staff at the central rate, for the risks the page opens with. */
  shortfalls: { helpline: string; days: number; firstDate: string | null }[]
}
