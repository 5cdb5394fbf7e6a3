/**
 * The record types whose versions the generic history page lists and compares. Each says what to call it and how
 * to label its fields in a comparison. Pure, so a later record type only adds an entry here.
 */
import { formatDate, formatNumber, NATION_LABELS, REFERENCE_TYPE_LABELS, REGIME_LABELS, RESPONSE_SOUGHT_LABELS } from '../campaign/options'
import { CHANNEL_LABELS, POSTAGE_LABELS } from '../content/rules'
import { WELSH_LAYOUT_LABELS } from '../welsh/translation'

export interface HistoryEntityType {
  /** What a user calls one of these, for headings: "message". */
  noun: string
  /** Field labels for `diffFields`, by key or generic path. */
  labels: Record<string, string>
  /** A name for one record, from its latest snapshot. */
  title: (snapshot: Record<string, unknown>) => string
  /** Turns codes into the words users know before comparing, so a diff reads "Second class", not "second". */
  forDiff?: (snapshot: Record<string, unknown>) => unknown
  /** Where "Back" goes from the history page; `deleted` when the record no longer exists. */
  backHref?: (campaignRef: string, entityId: string, deleted: boolean) => string
  /** The language of a field's text when it is not English: "cy" for a Welsh version's text. */
  lang?: (path: string) => string | undefined
}

const lookup = (labels: Record<string, string>, value: unknown) => (typeof value === 'string' && labels[value]) || value

const text = (value: unknown, fallback: string) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback)

export const HISTORY_ENTITY_TYPES: Record<string, HistoryEntityType> = {
  campaign: {
    noun: 'campaign description',
    backHref: (ref) => `/campaigns/${ref}/describe`,
    title: (s) => text(s.name, 'Campaign'),
    labels: {
      name: 'Campaign name',
      regime: 'Tax regime',
      objective: 'Objective',
      targetPopulation: 'Target population',
      populationSize: 'Population size',
      welshCustomers: 'Customers who asked for Welsh',
      plannedLaunchDate: 'Planned launch date',
      nation: 'Bank holidays',
      referenceType: 'Customer reference',
      responseSought: 'Response sought',
      responseProcess: 'Response-handling process',
      extraLiability: 'Extra liability',
      liabilityCustomers: 'Customers with extra liability',
      liabilityAveragePence: 'Average extra liability (pence)',
      pressInform: 'Press Office informed',
      pressReason: 'Why the Press Office need not be informed',
      coOwners: 'Co-owners',
    },
    forDiff: (s) => ({
      ...s,
      regime: lookup(REGIME_LABELS, s.regime),
      nation: lookup(NATION_LABELS, s.nation),
      referenceType: lookup(REFERENCE_TYPE_LABELS, s.referenceType),
      responseSought: lookup(RESPONSE_SOUGHT_LABELS, s.responseSought),
      plannedLaunchDate: typeof s.plannedLaunchDate === 'string' ? formatDate(s.plannedLaunchDate) : s.plannedLaunchDate,
    }),
  },
  message: {
    noun: 'message',
    backHref: (ref, id, deleted) => (deleted ? `/campaigns/${ref}/messages` : `/campaigns/${ref}/messages/${id}`),
    title: (s) => text(s.name, 'Message'),
    labels: {
      name: 'Name',
      channel: 'Channel',
      referenceType: 'Reference type',
      subject: 'Subject',
      addressBlock: 'Address block',
      postage: 'Postage',
      deadlineDays: 'Action deadline (days after delivery)',
      deliveryProfile: 'Own delivery profile (% by working day after posting)',
      body: 'Body',
      waves: 'Waves (send date: volume)',
    },
    forDiff: (s) => ({
      ...s,
      channel: lookup(CHANNEL_LABELS, s.channel),
      referenceType: lookup(REFERENCE_TYPE_LABELS, s.referenceType),
      postage: lookup(POSTAGE_LABELS, s.postage),
      // Revisions from before letters could have their own profile have none, like a letter that uses its class's.
      deliveryProfile: Array.isArray(s.deliveryProfile) ? s.deliveryProfile.join(', ') : s.channel === 'letter' ? 'None: the postage class’s' : null,
      // One line per wave, so adding or moving a wave shows as one added or changed line.
      waves: Array.isArray(s.waves)
        ? s.waves.map((w: { sendDate?: unknown; volume?: unknown }) =>
            `${typeof w?.sendDate === 'string' ? formatDate(w.sendDate) : '?'}: ${typeof w?.volume === 'number' ? formatNumber(w.volume) : '?'}`,
          )
        : s.waves,
    }),
  },
  line: {
    noun: 'line to take',
    title: (s) => text(s.question, 'Line to take'),
    labels: { question: 'Question', answer: 'Answer', audience: 'Audience', order: 'Order' },
  },
  script: {
    noun: 'script',
    title: (s) => text(s.name, text(s.callType, 'Script')),
    labels: { opening: 'Opening', verification: 'Verification', recordingNotice: 'Recording notice', body: 'Body', closing: 'Closing' },
  },
}

// The Welsh versions are kept under the English record's id, with a type of their own.
const welshTitle = (s: Record<string, unknown>) => `Welsh version: ${text(s.name, 'untitled')}`
const WELSH_COMMON = { translatesVersion: 'Translates English version' }
HISTORY_ENTITY_TYPES['welsh-message'] = {
  noun: 'Welsh version of a message',
  backHref: (ref, id, deleted) => (deleted ? `/campaigns/${ref}/welsh` : `/campaigns/${ref}/welsh/messages/${id}`),
  title: welshTitle,
  labels: { ...WELSH_COMMON, name: 'Message', layout: 'Letter layout', subject: 'Welsh subject', body: 'Welsh body' },
  forDiff: (s) => ({ ...s, layout: lookup(WELSH_LAYOUT_LABELS, s.layout) }),
  lang: (path) => (path === 'subject' || path === 'body' ? 'cy' : undefined),
}
HISTORY_ENTITY_TYPES['welsh-line'] = {
  noun: 'Welsh version of a line to take',
  backHref: (ref, id, deleted) => (deleted ? `/campaigns/${ref}/welsh#lines` : `/campaigns/${ref}/welsh/lines/${id}`),
  title: welshTitle,
  labels: { ...WELSH_COMMON, name: 'English question', question: 'Welsh question', answer: 'Welsh answer' },
  lang: (path) => (path === 'question' || path === 'answer' ? 'cy' : undefined),
}
HISTORY_ENTITY_TYPES['welsh-script'] = {
  noun: 'Welsh version of a script',
  backHref: (ref) => `/campaigns/${ref}/welsh#scripts`,
  title: welshTitle,
  labels: { ...WELSH_COMMON, name: 'Script', opening: 'Opening', verification: 'Verification', recordingNotice: 'Recording notice', body: 'Body', closing: 'Closing' },
  lang: (path) => (['opening', 'verification', 'recordingNotice', 'body', 'closing'].includes(path) ? 'cy' : undefined),
}

export function historyEntityType(type: string): HistoryEntityType | undefined {
  return Object.prototype.hasOwnProperty.call(HISTORY_ENTITY_TYPES, type) ? HISTORY_ENTITY_TYPES[type] : undefined
}
