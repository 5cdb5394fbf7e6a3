// What the Welsh pages and the campaign page's Welsh tasks read: each message, line and script with its Welsh version,
// whether that translates the English as it is, what its checks find, what awaits translation, and the Welsh helpline.
import { scriptsRequired } from '../campaign/handling-tasks'
import type { WelshTaskInput } from '../campaign/welsh-tasks'
import type { UncoveredQuestion } from '../content/coverage'
import type { Finding } from '../content/findings'
import type { ReferenceType } from '../content/fields'
import type { CallType } from '../content/script-rules'
import type { DbOrTx } from '../utils/db.server'
import { CHANNEL_LABELS } from '../content/rules'
import {
  translationState,
  uncoveredInWelsh,
  welshLineFindings,
  welshLineFrom,
  welshMessageFindings,
  welshMessageFrom,
  welshScriptFindings,
  welshScriptFrom,
  welshSharePercent,
  type TranslationKind,
} from '../welsh/translation'
import { checkTranslationFile, readTranslationFile, translationFile, versionsNamed, type FileCheck, type FileRecord } from '../welsh/transfer'
import type { Campaign } from './campaign.server'
import { listCampaignFieldNames } from './campaign-field.server'
import { getWelshHelpline } from './helpline.server'
import { listMessages } from './message.server'
import { getTranslation, listEnglishRecords, listTranslationRequests, listWelshItems, sourceAt, type EnglishRecord, type WelshItem } from './translation.server'
import { diffFields } from '../content/diff'

export interface WelshItemView {
  kind: TranslationKind
  id: string
  name: string
  label: string
  /** The Welsh version's page. */
  href: string
  state: WelshItem['state']
  englishVersion: number
  translatesVersion: number | null
  errors: number
  warnings: number
  request: { neededBy: string; requestedBy: string } | null
  channel?: string
  callType?: CallType
  audience?: string
  standardQuestion?: string | null
}

export function welshHref(ref: string, english: Pick<EnglishRecord, 'kind' | 'id' | 'callType'>): string {
  const base = `/campaigns/${ref}/welsh`
  return english.kind === 'message' ? `${base}/messages/${english.id}` : english.kind === 'line' ? `${base}/lines/${english.id}` : `${base}/scripts/${english.callType}`
}

/** Each item's Welsh findings, computed from the stored text, as the English findings are. */
async function findingsOf(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'referenceType'>, items: readonly WelshItem[]): Promise<Map<WelshItem, Finding[]>> {
  const [messages, extraFields] = await Promise.all([listMessages(db, campaign.id), listCampaignFieldNames(db, campaign.id)])
  const found = new Map<WelshItem, Finding[]>()
  for (const item of items) {
    if (!item.translation) continue
    const { english, translation } = item
    if (english.kind === 'message') {
      const message = messages.find((m) => m.id === english.id)
      if (message) found.set(item, welshMessageFindings(message, welshMessageFrom(translation.welsh), extraFields))
    } else if (english.kind === 'line') {
      found.set(item, welshLineFindings(welshLineFrom(english.source), welshLineFrom(translation.welsh)))
    } else {
      found.set(item, welshScriptFindings({ ...welshScriptFrom(english.source), callType: english.callType! }, welshScriptFrom(translation.welsh), campaign as { referenceType: ReferenceType }))
    }
  }
  return found
}

function view(ref: string, item: WelshItem, findings: Finding[] | undefined): WelshItemView {
  const { english } = item
  return {
    kind: english.kind,
    id: english.id,
    name: english.name,
    label: english.label,
    href: welshHref(ref, english),
    state: item.state,
    englishVersion: english.version,
    translatesVersion: item.translation?.translatesVersion ?? null,
    errors: (findings ?? []).filter((f) => f.level === 'error').length,
    warnings: (findings ?? []).filter((f) => f.level === 'warning').length,
    request: item.request ? { neededBy: item.request.neededBy, requestedBy: item.request.requestedBy } : null,
    ...(english.channel ? { channel: english.channel } : {}),
    ...(english.callType ? { callType: english.callType } : {}),
    ...(english.audience ? { audience: english.audience, standardQuestion: english.standardQuestion ?? null } : {}),
  }
}

export interface WelshOverview {
  welshCustomers: number
  populationSize: number
  sharePercent: number
  welshHelpline: { id: string; name: string } | null
  forecastSaved: boolean
  messages: WelshItemView[]
  lines: WelshItemView[]
  scripts: WelshItemView[]
  uncovered: UncoveredQuestion[]
  /** Items with an open request, or with no current Welsh version: what the translation team has to do. */
  awaiting: WelshItemView[]
  anyWelsh: boolean
}

export async function welshOverview(db: DbOrTx, campaign: Campaign): Promise<WelshOverview> {
  const [items, welshHelpline, forecast] = await Promise.all([
    listWelshItems(db, campaign.id),
    getWelshHelpline(db),
    db.selectFrom('forecast_input').select('version').where('campaign_id', '=', campaign.id).executeTakeFirst(),
  ])
  const findings = await findingsOf(db, campaign, items)
  const views = items.map((item) => view(campaign.ref, item, findings.get(item)))
  const of = (kind: TranslationKind) => views.filter((v) => v.kind === kind)
  const lineItems = items.filter((i) => i.english.kind === 'line')
  return {
    welshCustomers: campaign.welshCustomers,
    populationSize: campaign.populationSize,
    sharePercent: welshSharePercent(campaign),
    welshHelpline,
    forecastSaved: !!forecast,
    messages: of('message'),
    lines: of('line'),
    scripts: of('script'),
    uncovered: uncoveredInWelsh(
      lineItems.map((i) => ({ audience: i.english.audience!, standardQuestion: i.english.standardQuestion ?? null, welsh: i.translation ? welshLineFrom(i.translation.welsh) : null })),
      campaign,
    ),
    awaiting: views.filter((v) => v.request || v.state === 'out-of-date').sort((a, b) => (a.request?.neededBy ?? '9999').localeCompare(b.request?.neededBy ?? '9999')),
    anyWelsh: items.some((i) => i.translation),
  }
}

/** Whether the campaign has anything Welsh at all: Welsh-preference customers, a Welsh version or a request for one. */
export async function hasWelsh(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'welshCustomers'>): Promise<boolean> {
  if (campaign.welshCustomers > 0) return true
  const [translation, request] = await Promise.all([
    db.selectFrom('translation').select('entity_id').where('campaign_id', '=', campaign.id).limit(1).executeTakeFirst(),
    db.selectFrom('translation_request').select('entity_id').where('campaign_id', '=', campaign.id).limit(1).executeTakeFirst(),
  ])
  return !!translation || !!request
}

/** The Welsh tasks of the campaign page, and what awaits translation; two indexed reads for a campaign with no Welsh. */
export async function welshTaskInput(db: DbOrTx, campaign: Campaign): Promise<{ task: WelshTaskInput; awaiting: WelshItemView[] }> {
  if (!(await hasWelsh(db, campaign))) {
    const none = { uncovered: [], outOfDate: 0, errors: 0 }
    return {
      task: { welshCustomers: 0, messages: [], lines: none, scripts: [], scriptsRequired: scriptsRequired(campaign.responseSought), welshHelpline: null, forecastSaved: false, anyWelsh: false },
      awaiting: [],
    }
  }
  const overview = await welshOverview(db, campaign)
  return {
    task: {
      welshCustomers: overview.welshCustomers,
      messages: overview.messages.map((m) => ({ name: m.name, state: m.state, errors: m.errors })),
      lines: { uncovered: overview.uncovered, outOfDate: overview.lines.filter((l) => l.state === 'out-of-date').length, errors: overview.lines.filter((l) => l.errors > 0).length },
      scripts: overview.scripts.map((s) => ({ callType: s.callType!, state: s.state, errors: s.errors })),
      scriptsRequired: scriptsRequired(campaign.responseSought),
      welshHelpline: overview.welshHelpline?.name ?? null,
      forecastSaved: overview.forecastSaved,
      anyWelsh: overview.anyWelsh,
    },
    awaiting: overview.awaiting,
  }
}

function fileRecord(item: WelshItem): FileRecord {
  const { english } = item
  const what =
    english.kind === 'message'
      ? `${CHANNEL_LABELS[english.channel!] ?? 'Message'}: ${english.name}`
      : english.kind === 'line'
        ? `Line to take: ${english.name.replace(/\s+/g, ' ').slice(0, 120)}`
        : `Script: ${english.name}`
  return {
    kind: english.kind,
    id: english.id,
    label: english.label,
    what,
    version: english.version,
    source: english.source,
    ...(english.channel ? { channel: english.channel } : {}),
    welsh: item.translation?.welsh ?? null,
    translatedFrom: item.translation?.translatedFrom ?? null,
  }
}

/** The file for the translation team: what still needs translating (no Welsh version, or out of date), or everything. */
export async function translationFileFor(db: DbOrTx, campaign: Pick<Campaign, 'id' | 'ref'>, options: { all: boolean }): Promise<{ fileName: string; text: string; items: number }> {
  const items = (await listWelshItems(db, campaign.id)).filter((i) => options.all || i.state !== 'current')
  return {
    fileName: `${campaign.ref}-welsh-${options.all ? 'all' : 'to-translate'}.csv`,
    text: translationFile(items.map(fileRecord)),
    items: items.length,
  }
}

/** Reads an uploaded translation file and checks it against the campaign as it is; nothing is saved here. */
export async function checkTranslationUpload(db: DbOrTx, campaign: Pick<Campaign, 'id'>, text: string): Promise<FileCheck> {
  const read = readTranslationFile(text)
  if (!read.ok) return { ok: false, problems: read.problems, more: 0 }
  const items = await listWelshItems(db, campaign.id)
  const records = items.map(fileRecord)
  const sources = new Map<string, Record<string, unknown>>()
  for (const { item, version } of versionsNamed(read.rows)) {
    const english = items.find((i) => `${i.english.kind}:${i.english.id}` === item)?.english
    if (!english) continue
    const source = await sourceAt(db, campaign.id, english, version)
    if (source) sources.set(`${item}@${version}`, source)
  }
  return checkTranslationFile(read.rows, records, sources)
}

/** The English record a Welsh page is about: a message or line by id, a script by its call type. */
export async function findEnglish(db: DbOrTx, campaignId: string, kind: TranslationKind, key: string): Promise<EnglishRecord | undefined> {
  if (kind === 'script' ? !/^[a-z-]{1,40}$/.test(key) : !/^[0-9a-f-]{36}$/i.test(key)) return undefined
  const records = await listEnglishRecords(db, campaignId)
  return records.find((r) => r.kind === kind && (kind === 'script' ? r.callType === key : r.id === key))
}

const SOURCE_LABELS: Record<string, string> = { subject: 'Subject', body: 'Body', question: 'Question', answer: 'Answer', opening: 'Opening', verification: 'Verification', recordingNotice: 'Recording notice', closing: 'Closing' }

/** A Welsh page: the English as it is, the Welsh version, and, when it is out of date, what changed in the English since. */
export async function welshEditView(db: DbOrTx, campaign: Campaign, english: EnglishRecord) {
  const [translation, requests] = await Promise.all([getTranslation(db, campaign.id, english.kind, english.id), listTranslationRequests(db, campaign.id)])
  const item: WelshItem = {
    english,
    translation: translation ?? null,
    state: translation ? translationState(english.source, translation.translatedFrom) : 'missing',
    request: requests.find((r) => r.kind === english.kind && r.entityId === english.id) ?? null,
  }
  const findings = (await findingsOf(db, campaign, [item])).get(item) ?? []
  const { channel: _channel, ...sourceText } = english.source
  const { channel: _was, ...fromText } = translation?.translatedFrom ?? {}
  return {
    english: {
      kind: english.kind,
      id: english.id,
      name: english.name,
      label: english.label,
      version: english.version,
      source: english.source as Record<string, string | null>,
      channel: english.channel ?? null,
      callType: english.callType ?? null,
      standardQuestion: english.standardQuestion ?? null,
    },
    translation: translation
      ? { version: translation.version, translatesVersion: translation.translatesVersion, welsh: translation.welsh as Record<string, string | null>, translatedBy: translation.translatedBy, updatedAt: translation.updatedAt }
      : null,
    state: item.state,
    request: item.request ? { neededBy: item.request.neededBy, requestedBy: item.request.requestedBy, requestedAt: item.request.requestedAt } : null,
    // What the translator must change: the English text the Welsh translates, against the English now.
    changesSince: translation && item.state === 'out-of-date' ? diffFields(fromText, sourceText, SOURCE_LABELS) : null,
    findings,
  }
}

export type WelshEditView = Awaited<ReturnType<typeof welshEditView>>
