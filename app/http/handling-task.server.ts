// The Debt Management and Press Office task pages work the same way: one record the campaign has at most one of
// (the special treatment, the launch date told to the Press Office), saved against its version, and the lines to take
// for that audience, which can be reordered. One implementation serves both; each page supplies its record's details.
import type { LineAudience } from '../content/coverage'
import { canEditCampaign, type Campaign } from '../models/campaign.server'
import { listLines } from '../models/line.server'
import type { SingleRecordWriteResult } from '../models/single-record.server'
import { db, type DbOrTx } from '../utils/db.server'
import { formValues, type FieldErrors, type FormValues, type Parsed } from '../utils/forms'
import type { SessionUser } from '../utils/roles'
import { requireEditableCampaign, requireReadableCampaign } from './campaign-access.server'
import { readFormData } from './forms.server'
import { moveLineFromForm } from './line-move.server'
import { refusalResponse } from './refusals.server'

export interface HandlingTask<R extends { version: number }, P> {
  /** The task's path under the campaign, e.g. "press". */
  path: string
  audience: LineAudience
  read: (db: DbOrTx, campaignId: string) => Promise<R | null>
  /** What the user typed, kept on screen after a refusal. */
  kept: (values: FormValues) => Record<string, string | undefined>
  parse: (values: FormValues) => Parsed<P>
  save: (db: DbOrTx, input: { campaignId: string; version: number }, parsed: P, user: SessionUser) => Promise<SingleRecordWriteResult<R>>
  savedNotice: string
  notNeeded: string
  outOfDate: string
  /** What to say when someone else saved first, and their text when it is worth showing beside the user's. */
  conflict: (current: R | null) => { message: string; theirs: string | null }
}

export async function loadHandlingTask<R extends { version: number }, P>(request: Request, ref: string | undefined, task: HandlingTask<R, P>) {
  const { user, campaign } = await requireReadableCampaign(request, ref)
  const [lines, record] = await Promise.all([listLines(db, campaign.id, [task.audience]), task.read(db, campaign.id)])
  return { campaign: summary(campaign), canEdit: canEditCampaign(user, campaign), lines, record }
}

function summary(campaign: Campaign) {
  return {
    ref: campaign.ref,
    name: campaign.name,
    status: campaign.status,
    plannedLaunchDate: campaign.plannedLaunchDate,
    extraLiability: campaign.extraLiability,
    liabilityCustomers: campaign.liabilityCustomers,
    liabilityAveragePence: campaign.liabilityAveragePence,
    pressInform: campaign.pressInform,
    pressReason: campaign.pressReason,
  }
}

export interface HandlingTaskReply {
  intent: 'move' | 'save'
  errors: FieldErrors
  values: Record<string, string | undefined> | null
  version: number | null
  theirs: string | null
}

/** Where to go after a save or a move, or what to show again and with which status; the route turns it into a response. */
export type HandlingTaskOutcome = { redirectTo: string } | { status: number; reply: HandlingTaskReply }

const reply = (body: HandlingTaskReply, status: number): HandlingTaskOutcome => ({ status, reply: body })

export async function actOnHandlingTask<R extends { version: number }, P>(request: Request, ref: string | undefined, task: HandlingTask<R, P>): Promise<HandlingTaskOutcome> {
  const { user, campaign } = await requireEditableCampaign(request, ref)
  const values = formValues(await readFormData(request))
  const page = `/campaigns/${campaign.ref}/${task.path}`
  if (values.intent === 'move') {
    const outcome = await moveLineFromForm(values, campaign, user, page)
    if ('redirectTo' in outcome) return outcome
    return reply({ intent: 'move', errors: outcome.errors, values: null, version: null, theirs: null }, outcome.status)
  }
  const kept = task.kept(values)
  const refuse = (errors: FieldErrors, status: number, version: number | null = null, theirs: string | null = null) =>
    reply({ intent: 'save', errors, values: kept, version, theirs }, status)
  const parsed = task.parse(values)
  if (!parsed.ok) return refuse(parsed.errors, 400)
  const version = Number(values.version)
  if (!Number.isSafeInteger(version)) return refuse({ _form: task.outOfDate }, 409)
  const result = await task.save(db, { campaignId: campaign.id, version }, parsed.data, user)
  if (result.ok) return { redirectTo: `${page}?notice=${task.savedNotice}` }
  if (result.reason === 'not-applicable') return refuse({ _form: task.notNeeded }, 409)
  if (result.reason === 'conflict') {
    const { message, theirs } = task.conflict(result.current)
    return refuse({ _form: message }, 409, result.current?.version ?? 0, theirs)
  }
  throw refusalResponse(result.reason, campaign)
}
