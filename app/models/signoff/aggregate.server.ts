// What sign-off is computed from, read straight from the signed tables with narrow selects. The sign-off layer sits
// below the content models: they write through the content-write gateway, which calls down into sign-off; sign-off
// never calls up into them.
import { CALL_TYPES, CALL_TYPE_LABELS, type CallType, type Channel } from '../../content'
import { storedDeliveryProfile } from '../../forecast/delivery-profile'
import { isStandardQuestion } from '../../content/coverage'
import { messageFindings, scriptFindings } from '../../content/stored-content'
import type { ReferenceType } from '../../content/fields'
import { parseStoredCurves } from '../../forecast/settings'
import { SIGN_OFF_GROUPS, type SignOffGroup } from '../../signoff/groups'
import { scopeHash } from '../../signoff/hash.server'
import { scopeContent, type AggregateTranslation, type Scope, type ScopeMessage, type SignOffAggregate } from '../../signoff/scopes'
import type { DbOrTx } from '../../utils/db.server'
import { welshLineFindings, welshLineFrom, welshMessageFindings, welshMessageFrom, welshScriptFindings, welshScriptFrom } from '../../welsh/translation'

const CHANNEL_WORDS: Record<string, string> = { letter: 'letter', email: 'email', sms: 'text message', online: 'online account message' }

async function signedMessages(db: DbOrTx, campaignId: string): Promise<(ScopeMessage & { channel: Channel })[]> {
  const rows = await db
    .selectFrom('message')
    .select(['id', 'name', 'channel', 'reference_type', 'subject', 'address_block', 'postage', 'deadline_days', 'body', 'delivery_profile'])
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .orderBy('id')
    .execute()
  const waves = rows.length
    ? await db
        .selectFrom('wave')
        .select(['message_id', 'send_date', 'volume'])
        .where(
          'message_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('message_id')
        .orderBy('position')
        .execute()
    : []
  return rows.map((m) => ({
    id: m.id,
    name: m.name,
    channel: m.channel as Channel,
    referenceType: m.reference_type,
    subject: m.subject,
    addressBlock: m.address_block,
    postage: m.postage,
    deadlineDays: m.deadline_days,
    deliveryProfile: m.channel === 'letter' ? storedDeliveryProfile(m.delivery_profile) : null,
    body: m.body,
    waves: waves.filter((w) => w.message_id === m.id).map((w) => ({ sendDate: w.send_date, volume: Number(w.volume) })),
  }))
}

async function signedScripts(db: DbOrTx, campaignId: string) {
  const rows = await db
    .selectFrom('script')
    .select(['id', 'call_type', 'opening', 'verification', 'recording_notice', 'body', 'closing'])
    .where('campaign_id', '=', campaignId)
    .execute()
  return rows
    .map((s) => ({
      id: s.id,
      callType: s.call_type as CallType,
      opening: s.opening,
      verification: s.verification,
      recordingNotice: s.recording_notice,
      body: s.body,
      closing: s.closing,
    }))
    .sort((a, b) => CALL_TYPES.indexOf(a.callType) - CALL_TYPES.indexOf(b.callType))
}

async function signedForecast(db: DbOrTx, campaignId: string): Promise<SignOffAggregate['forecast']> {
  const row = await db
    .selectFrom('forecast_input')
    .select(['rate_low_percent', 'rate_central_percent', 'rate_high_percent', 'response_curves_json', 'bump_share_percent', 'bump_working_days'])
    .where('campaign_id', '=', campaignId)
    .executeTakeFirst()
  if (!row) return null
  const [perMessage, splits] = await Promise.all([
    db.selectFrom('forecast_message').select(['message_id', 'delay_override_days']).where('campaign_id', '=', campaignId).execute(),
    db.selectFrom('forecast_split').select(['message_id', 'helpline_id', 'share_percent']).where('campaign_id', '=', campaignId).execute(),
  ])
  const messages: NonNullable<SignOffAggregate['forecast']>['messages'] = {}
  for (const m of perMessage) messages[m.message_id] = { delayOverrideDays: m.delay_override_days, split: {} }
  for (const s of splits) {
    messages[s.message_id] ??= { delayOverrideDays: null, split: {} }
    messages[s.message_id]!.split[s.helpline_id] = s.share_percent
  }
  return {
    contactRatesPercent: { low: row.rate_low_percent, central: row.rate_central_percent, high: row.rate_high_percent },
    responseCurvesPercent: parseStoredCurves(row.response_curves_json) as Record<string, number[]>,
    deadlineBump: { sharePercent: row.bump_share_percent, workingDays: row.bump_working_days },
    messages,
  }
}

const parsedObject = (json: string): Record<string, unknown> => {
  try {
    const value: unknown = JSON.parse(json)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

/** The Welsh versions of the campaign's records, by kind; only those whose English record is in `exists`. */
async function signedTranslations(db: DbOrTx, campaignId: string, exists: Record<'message' | 'line' | 'script', ReadonlySet<string>>): Promise<SignOffAggregate['welsh']> {
  const rows = await db
    .selectFrom('translation')
    .select(['entity_type', 'entity_id', 'content_json', 'source_json'])
    .where('campaign_id', '=', campaignId)
    .where('language', '=', 'cy')
    .orderBy('entity_type')
    .orderBy('entity_id')
    .execute()
  const welsh: SignOffAggregate['welsh'] = { messages: [], lines: [], scripts: [] }
  const list: Record<string, AggregateTranslation[]> = { message: welsh.messages, line: welsh.lines, script: welsh.scripts }
  for (const row of rows) {
    const kind = row.entity_type as 'message' | 'line' | 'script'
    if (!list[kind] || !exists[kind]?.has(row.entity_id)) continue
    list[kind].push({ id: row.entity_id, welsh: parsedObject(row.content_json), translatedFrom: parsedObject(row.source_json) })
  }
  return welsh
}

/** Everything any group signs, read as it is now (inside the caller's transaction when there is one). */
export async function loadSignOffAggregate(db: DbOrTx, campaignId: string): Promise<SignOffAggregate | null> {
  const campaign = await db
    .selectFrom('campaign')
    .select(['planned_launch_date', 'nation', 'extra_liability', 'liability_customers', 'liability_average_pence', 'press_inform', 'population_size', 'welsh_customers'])
    .where('id', '=', campaignId)
    .executeTakeFirst()
  if (!campaign) return null
  const [messages, forecast, lines, scripts, debtTreatment, pressBriefing] = await Promise.all([
    signedMessages(db, campaignId),
    signedForecast(db, campaignId),
    db
      .selectFrom('line_to_take')
      .select(['id', 'audience', 'standard_question', 'question', 'answer'])
      .where('campaign_id', '=', campaignId)
      .orderBy('position')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    signedScripts(db, campaignId),
    db.selectFrom('debt_treatment').select('special_treatment').where('campaign_id', '=', campaignId).executeTakeFirst(),
    db.selectFrom('press_briefing').select('launch_date_told').where('campaign_id', '=', campaignId).executeTakeFirst(),
  ])
  const welsh = await signedTranslations(db, campaignId, {
    message: new Set(messages.map((m) => m.id)),
    line: new Set(lines.map((l) => l.id)),
    script: new Set(scripts.map((s) => s.id)),
  })
  return {
    campaign: {
      plannedLaunchDate: campaign.planned_launch_date,
      nation: campaign.nation,
      extraLiability: campaign.extra_liability === 1,
      liabilityCustomers: campaign.liability_customers,
      liabilityAveragePence: campaign.liability_average_pence,
      pressInform: campaign.press_inform === 1,
      populationSize: Number(campaign.population_size),
      welshCustomers: Number(campaign.welsh_customers),
    },
    messages,
    forecast,
    lines: lines.map((l) => ({
      id: l.id,
      audience: l.audience,
      standardQuestion: isStandardQuestion(l.standard_question) ? l.standard_question : null,
      question: l.question,
      answer: l.answer,
    })),
    scripts,
    debtTreatment: debtTreatment ? { specialTreatment: debtTreatment.special_treatment } : null,
    pressBriefing: pressBriefing ? { launchDateTold: pressBriefing.launch_date_told } : null,
    welsh,
  }
}

/** The campaign's owner and co-owners: approvals they gave do not count (separation of duties). */
export async function loadAuthorIds(db: DbOrTx, campaignId: string): Promise<string[]> {
  const [owner, coOwners] = await Promise.all([
    db.selectFrom('campaign').select('owner_id').where('id', '=', campaignId).executeTakeFirst(),
    db.selectFrom('campaign_co_owner').select('user_id').where('campaign_id', '=', campaignId).execute(),
  ])
  return [...(owner ? [owner.owner_id] : []), ...coOwners.map((c) => c.user_id)]
}

export interface CurrentScope {
  content: Scope
  hash: string
}

export function scopesOf(aggregate: SignOffAggregate): Record<SignOffGroup, CurrentScope> {
  return Object.fromEntries(
    SIGN_OFF_GROUPS.map((group) => {
      const content = scopeContent(group, aggregate)
      return [group, { content, hash: scopeHash(content) }]
    }),
  ) as Record<SignOffGroup, CurrentScope>
}

export interface Blocker {
  text: string
  href: string
}

/** What stops the campaign being put forward for sign-off or launched: its data-security errors, or no message at all. */
export async function signOffBlockers(db: DbOrTx, campaign: { id: string; ref: string; referenceType: ReferenceType }): Promise<Blocker[]> {
  const base = `/campaigns/${campaign.ref}`
  const [messages, scripts, fields, lines] = await Promise.all([
    signedMessages(db, campaign.id),
    signedScripts(db, campaign.id),
    db.selectFrom('campaign_field').select('name').where('campaign_id', '=', campaign.id).orderBy('created_at').orderBy('name').execute(),
    db.selectFrom('line_to_take').select(['id', 'question', 'answer']).where('campaign_id', '=', campaign.id).orderBy('position').execute(),
  ])
  const extraFields = fields.map((f) => f.name)
  const blockers: Blocker[] = []
  if (messages.length === 0) blockers.push({ text: 'The campaign has no messages yet: write at least one', href: `${base}/messages` })
  for (const message of messages) {
    for (const finding of messageFindings(message, extraFields).filter((f) => f.level === 'error')) {
      blockers.push({ text: `The ${CHANNEL_WORDS[message.channel] ?? 'message'} “${message.name}”: ${finding.message}`, href: `${base}/messages/${message.id}` })
    }
  }
  for (const script of scripts) {
    for (const finding of scriptFindings(script, campaign).filter((f) => f.level === 'error')) {
      blockers.push({ text: `The ${CALL_TYPE_LABELS[script.callType].toLowerCase()} script: ${finding.message}`, href: `${base}/scripts/${script.callType}` })
    }
  }
  // The Welsh versions pass the same checks, and have the English placeholders.
  const welsh = await signedTranslations(db, campaign.id, {
    message: new Set(messages.map((m) => m.id)),
    line: new Set(lines.map((l) => l.id)),
    script: new Set(scripts.map((s) => s.id)),
  })
  for (const message of messages) {
    const t = welsh.messages.find((w) => w.id === message.id)
    if (!t) continue
    for (const finding of welshMessageFindings(message, welshMessageFrom(t.welsh), extraFields).filter((f) => f.level === 'error')) {
      blockers.push({ text: `The Welsh version of the ${CHANNEL_WORDS[message.channel] ?? 'message'} “${message.name}”: ${finding.message}`, href: `${base}/welsh/messages/${message.id}` })
    }
  }
  for (const line of lines) {
    const t = welsh.lines.find((w) => w.id === line.id)
    if (!t) continue
    for (const finding of welshLineFindings(line, welshLineFrom(t.welsh)).filter((f) => f.level === 'error')) {
      blockers.push({ text: `The Welsh version of the line “${line.question.slice(0, 80)}”: ${finding.message}`, href: `${base}/welsh/lines/${line.id}` })
    }
  }
  for (const script of scripts) {
    const t = welsh.scripts.find((w) => w.id === script.id)
    if (!t) continue
    for (const finding of welshScriptFindings(script, welshScriptFrom(t.welsh), campaign).filter((f) => f.level === 'error')) {
      blockers.push({ text: `The Welsh ${CALL_TYPE_LABELS[script.callType].toLowerCase()} script: ${finding.message}`, href: `${base}/welsh/scripts/${script.callType}` })
    }
  }
  return blockers
}
