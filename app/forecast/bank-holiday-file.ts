// UK bank holidays: validating an uploaded GOV.UK bank-holidays.json and showing what it would change.
// The working-day calendar itself is in working-days.ts (re-exported here), which the engine uses without zod.
import { z } from 'zod'
import { isIsoDate } from './dates'
import { NATION_NAMES, NATIONS, type BankHolidayEvent, type BankHolidaysFile, type Nation } from './working-days'

export * from './working-days'

// ---------------------------------------------------------------------------------------------
// Validating an uploaded file

const eventSchema = z.object(
  {
    title: z
      .string({ error: 'needs a title' })
      .trim()
      .min(1, { error: 'needs a title' })
      .max(200, { error: 'has a title longer than 200 characters' }),
    date: z.string({ error: 'needs a date in the form YYYY-MM-DD' }).refine(isIsoDate, {
      error: (issue) => `has the date ${JSON.stringify(issue.input)}, which is not a real date in the form YYYY-MM-DD`,
    }),
    notes: z.string({ error: 'has notes that are not text' }).default(''),
    bunting: z.boolean({ error: 'has a “bunting” value that is not true or false' }).default(true),
  },
  { error: 'is not an object with a title and a date' },
)

function divisionSchema(nation: Nation) {
  const name = NATION_NAMES[nation]
  return z
    .object(
      {
        division: z.literal(nation, { error: `should be labelled "division": "${nation}"` }).default(nation),
        events: z
          .array(eventSchema, { error: 'needs a list of "events"' })
          .min(1, { error: 'has no events' })
          .max(2000, { error: 'has more than 2,000 events' }),
      },
      { error: `is missing: the file needs a "${nation}" section` },
    )
    .superRefine((division, ctx) => {
      const seen = new Map<string, string>()
      division.events.forEach((event, index) => {
        const earlier = seen.get(event.date)
        if (earlier !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['events', index, 'date'],
            message: `lists ${event.date} twice (“${earlier}” and “${event.title}”); a date can appear only once in ${name}`,
          })
        } else seen.set(event.date, event.title)
      })
    })
}

export const bankHolidaysFileSchema = z.object(
  {
    'england-and-wales': divisionSchema('england-and-wales'),
    scotland: divisionSchema('scotland'),
    'northern-ireland': divisionSchema('northern-ireland'),
  },
  { error: 'is not a bank holidays file: it should be a JSON object with england-and-wales, scotland and northern-ireland' },
)

export type BankHolidaysParseResult =
  | { ok: true; value: BankHolidaysFile }
  | { ok: false; errors: string[] }

/** Turns a zod issue path such as ["scotland","events",3,"date"] into "Scotland, event 4". */
function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'The file'
  const nation = path[0] as Nation
  const parts = [NATION_NAMES[nation] ?? String(path[0])]
  if (path[1] === 'events' && typeof path[2] === 'number') parts.push(`event ${path[2] + 1}`)
  else if (path[1] === 'events') parts.push('events')
  else if (path[1] === 'division') parts.push('division label')
  return parts.join(', ')
}

function friendlyErrors(error: z.ZodError): string[] {
  const messages = error.issues.map((issue) => `${describePath(issue.path)} ${issue.message}`)
  return [...new Set(messages)].slice(0, 50)
}

/** Validates an already-parsed value in GOV.UK's format. */
export function validateBankHolidays(value: unknown): BankHolidaysParseResult {
  const result = bankHolidaysFileSchema.safeParse(value)
  if (!result.success) return { ok: false, errors: friendlyErrors(result.error) }
  const file = result.data as BankHolidaysFile
  for (const nation of NATIONS) {
    file[nation].events = [...file[nation].events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
  }
  return { ok: true, value: file }
}

/** Parses the text of an uploaded file. Every failure comes back as sentences for an error summary. */
export function parseBankHolidaysJson(text: string): BankHolidaysParseResult {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { ok: false, errors: ['The file is not valid JSON. Download it again from GOV.UK and upload it unchanged.'] }
  }
  return validateBankHolidays(value)
}

// ---------------------------------------------------------------------------------------------
// What an upload would change

export interface BankHolidayChange {
  date: string
  before: BankHolidayEvent
  after: BankHolidayEvent
}

export interface NationBankHolidayDiff {
  added: BankHolidayEvent[]
  removed: BankHolidayEvent[]
  changed: BankHolidayChange[]
  unchanged: number
}

export interface BankHolidaysDiff {
  nations: Record<Nation, NationBankHolidayDiff>
  hasChanges: boolean
}

function sameEvent(a: BankHolidayEvent, b: BankHolidayEvent): boolean {
  return a.title === b.title && a.notes === b.notes && a.bunting === b.bunting
}

/** Events are matched by date: a holiday that moves shows as one removal and one addition. */
export function compareBankHolidays(current: BankHolidaysFile, uploaded: BankHolidaysFile): BankHolidaysDiff {
  let hasChanges = false
  const nations = {} as Record<Nation, NationBankHolidayDiff>
  for (const nation of NATIONS) {
    const before = new Map((current[nation]?.events ?? []).map((e) => [e.date, e]))
    const after = new Map((uploaded[nation]?.events ?? []).map((e) => [e.date, e]))
    const diff: NationBankHolidayDiff = { added: [], removed: [], changed: [], unchanged: 0 }
    for (const [date, event] of after) {
      const old = before.get(date)
      if (!old) diff.added.push(event)
      else if (!sameEvent(old, event)) diff.changed.push({ date, before: old, after: event })
      else diff.unchanged++
    }
    for (const [date, event] of before) if (!after.has(date)) diff.removed.push(event)
    const byDate = (a: { date: string }, b: { date: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)
    diff.added.sort(byDate)
    diff.removed.sort(byDate)
    diff.changed.sort(byDate)
    if (diff.added.length || diff.removed.length || diff.changed.length) hasChanges = true
    nations[nation] = diff
  }
  return { nations, hasChanges }
}

