import { describe, expect, it } from 'vitest'
import { DEFAULT_BANK_HOLIDAYS } from './bank-holidays'
import {
  compareBankHolidays,
  createWorkingCalendar,
  holidayDates,
  parseBankHolidaysJson,
  validateBankHolidays,
  workingCalendarFor,
  type BankHolidaysFile,
} from './bank-holiday-file'
import { addDays, isIsoDate, isoWeekLabel, isoWeekStart, toDayNumber, weekday, fromDayNumber } from './dates'

const england = workingCalendarFor(DEFAULT_BANK_HOLIDAYS, 'england-and-wales')
const scotland = workingCalendarFor(DEFAULT_BANK_HOLIDAYS, 'scotland')
const northernIreland = workingCalendarFor(DEFAULT_BANK_HOLIDAYS, 'northern-ireland')

function clone(file: BankHolidaysFile): BankHolidaysFile {
  return JSON.parse(JSON.stringify(file))
}

describe('dates', () => {
  it('checks that dates are real', () => {
    expect(isIsoDate('2028-02-29')).toBe(true)
    expect(isIsoDate('2027-02-29')).toBe(false)
    expect(isIsoDate('2100-02-29')).toBe(false)
    expect(isIsoDate('2000-02-29')).toBe(true)
    expect(isIsoDate('2027-13-01')).toBe(false)
    expect(isIsoDate('2027-4-1')).toBe(false)
    expect(isIsoDate('2027-04-01T00:00')).toBe(false)
  })

  it('round-trips every day across 1900–2100 and names weekdays (Monday = 0)', () => {
    const wrong: number[] = []
    for (let d = toDayNumber('1900-01-01'); d <= toDayNumber('2100-12-31'); d++) {
      if (toDayNumber(fromDayNumber(d)) !== d || fromDayNumber(d) !== new Date(d * 86_400_000).toISOString().slice(0, 10)) wrong.push(d)
    }
    expect(wrong).toEqual([])
    expect(weekday('2027-03-26')).toBe(4) // Good Friday 2027 is a Friday
    expect(weekday('2028-01-01')).toBe(5)
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01')
  })

  it('finds ISO weeks', () => {
    expect(isoWeekStart('2027-01-03')).toBe('2026-12-28')
    expect(isoWeekLabel('2027-01-03')).toBe('2026-W53')
    expect(isoWeekLabel('2027-01-04')).toBe('2027-W01')
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01')
  })
})

describe('working days', () => {
  it('skips weekends', () => {
    expect(england.isWorkingDay('2027-06-05')).toBe(false) // Saturday
    expect(england.isWorkingDay('2027-06-06')).toBe(false) // Sunday
    expect(england.isWorkingDay('2027-06-07')).toBe(true)
    expect(england.nextWorkingDay('2027-06-04')).toBe('2027-06-07')
    expect(england.addWorkingDays('2027-06-04', 3)).toBe('2027-06-09')
    expect(england.addWorkingDays('2027-06-05', 1)).toBe('2027-06-07')
  })

  it('follows spreadsheet WORKDAY: 0 days is the date itself; negative days go back', () => {
    expect(england.addWorkingDays('2027-06-05', 0)).toBe('2027-06-05')
    expect(england.addWorkingDays('2027-06-07', -1)).toBe('2027-06-04')
    expect(england.workingDayOnOrAfter('2027-06-05')).toBe('2027-06-07')
    expect(england.workingDayOnOrAfter('2027-06-07')).toBe('2027-06-07')
  })

  it('moves across Easter differently in each nation', () => {
    // Thursday before Good Friday 2027, plus one working day.
    expect(england.addWorkingDays('2027-03-25', 1)).toBe('2027-03-30')
    expect(northernIreland.addWorkingDays('2027-03-25', 1)).toBe('2027-03-30')
    expect(scotland.addWorkingDays('2027-03-25', 1)).toBe('2027-03-29') // no Easter Monday in Scotland
  })

  it('knows each nation’s own holidays', () => {
    // St Andrew’s Day (Tuesday 30 November 2027): Scotland only.
    expect(scotland.isWorkingDay('2027-11-30')).toBe(false)
    expect(england.isWorkingDay('2027-11-30')).toBe(true)
    // 2 January 2026 (a Friday): Scotland only.
    expect(scotland.isWorkingDay('2026-01-02')).toBe(false)
    expect(england.isWorkingDay('2026-01-02')).toBe(true)
    expect(northernIreland.isWorkingDay('2026-01-02')).toBe(true)
    // Battle of the Boyne (Monday 12 July 2027) and St Patrick’s Day (Wednesday 17 March 2027): Northern Ireland only.
    expect(northernIreland.isWorkingDay('2027-07-12')).toBe(false)
    expect(england.isWorkingDay('2027-07-12')).toBe(true)
    expect(northernIreland.isWorkingDay('2027-03-17')).toBe(false)
    expect(scotland.isWorkingDay('2027-03-17')).toBe(true)
    // Summer bank holiday: first Monday of August in Scotland, last elsewhere.
    expect(scotland.isWorkingDay('2027-08-02')).toBe(false)
    expect(england.isWorkingDay('2027-08-02')).toBe(true)
    expect(scotland.isWorkingDay('2027-08-30')).toBe(true)
    expect(england.isWorkingDay('2027-08-30')).toBe(false)
  })

  it('crosses Christmas 2027 (both days substituted) and New Year 2028', () => {
    expect(england.nextWorkingDay('2027-12-24')).toBe('2027-12-29')
    expect(england.nextWorkingDay('2027-12-31')).toBe('2028-01-04') // 3 Jan is New Year’s Day substitute
    expect(scotland.nextWorkingDay('2027-12-31')).toBe('2028-01-05') // and 4 Jan is 2 January’s
  })

  it('iterates working days inclusively', () => {
    expect([...england.workingDays('2027-03-24', '2027-03-31')]).toEqual(['2027-03-24', '2027-03-25', '2027-03-30', '2027-03-31'])
    expect([...scotland.workingDays('2027-03-24', '2027-03-31')]).toEqual([
      '2027-03-24',
      '2027-03-25',
      '2027-03-29',
      '2027-03-30',
      '2027-03-31',
    ])
  })

  it('does not shift a day whatever the local time zone, because it never uses local time', () => {
    const none = createWorkingCalendar([])
    expect(none.knownUntil).toBeNull()
    // 2027-03-28 is when British Summer Time starts: a local-time implementation would lose an hour here.
    expect(none.addWorkingDays('2027-03-26', 1)).toBe('2027-03-29')
    expect(none.addWorkingDays('2027-10-29', 1)).toBe('2027-11-01')
    expect(england.knownUntil).toBe('2028-12-31')
  })

  it('lists a nation’s holiday dates', () => {
    expect(holidayDates(DEFAULT_BANK_HOLIDAYS, 'scotland')).toContain('2027-11-30')
    expect(holidayDates(DEFAULT_BANK_HOLIDAYS, 'england-and-wales')).not.toContain('2027-11-30')
  })
})

describe('uploading a bank holidays file', () => {
  it('accepts a GOV.UK file', () => {
    const result = parseBankHolidaysJson(JSON.stringify(DEFAULT_BANK_HOLIDAYS))
    expect(result.ok).toBe(true)
  })

  it('fills in missing notes and bunting, and sorts events by date', () => {
    const file = clone(DEFAULT_BANK_HOLIDAYS) as unknown as Record<string, { events: Record<string, unknown>[] }>
    file.scotland.events.reverse()
    delete file.scotland.events[0].notes
    delete file.scotland.events[0].bunting
    const result = validateBankHolidays(file)
    if (!result.ok) throw new Error(result.errors.join('\n'))
    expect(result.value.scotland.events[0].date).toBe('2024-01-01')
    expect(result.value.scotland.events.at(-1)).toMatchObject({ date: '2028-12-26', notes: '', bunting: true })
  })

  it('says when the file is not JSON', () => {
    expect(parseBankHolidaysJson('{"england-and-wales":')).toEqual({
      ok: false,
      errors: ['The file is not valid JSON. Download it again from GOV.UK and upload it unchanged.'],
    })
  })

  it('says which division is missing', () => {
    const file = clone(DEFAULT_BANK_HOLIDAYS) as Partial<BankHolidaysFile>
    delete file.scotland
    const result = validateBankHolidays(file)
    expect(result).toEqual({ ok: false, errors: ['Scotland is missing: the file needs a "scotland" section'] })
  })

  it('rejects something that is not a bank holidays file at all', () => {
    const result = validateBankHolidays([1, 2, 3])
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.errors[0]).toMatch(/^The file is not a bank holidays file/)
  })

  it('names the event with an impossible date, a missing title or a wrong division', () => {
    const file = clone(DEFAULT_BANK_HOLIDAYS)
    file['northern-ireland'].events[2].date = '2024-02-30'
    file.scotland.events[0].title = '  '
    ;(file['england-and-wales'] as { division: string }).division = 'wales'
    const result = validateBankHolidays(file)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toContain(
      'Northern Ireland, event 3 has the date "2024-02-30", which is not a real date in the form YYYY-MM-DD',
    )
    expect(result.errors).toContain('Scotland, event 1 needs a title')
    expect(result.errors).toContain('England and Wales, division label should be labelled "division": "england-and-wales"')
  })

  it('rejects a date listed twice in one division', () => {
    const file = clone(DEFAULT_BANK_HOLIDAYS)
    file.scotland.events.push({ title: 'Extra', date: '2027-11-30', notes: '', bunting: true })
    const result = validateBankHolidays(file)
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.errors).toEqual([
        `Scotland, event ${file.scotland.events.length} lists 2027-11-30 twice (“St Andrew’s Day” and “Extra”); a date can appear only once in Scotland`,
      ])
    }
  })

  it('allows the same date in different divisions', () => {
    expect(validateBankHolidays(DEFAULT_BANK_HOLIDAYS).ok).toBe(true)
  })
})

describe('comparing an upload with the current holidays', () => {
  it('lists what would be added, removed and changed, per nation', () => {
    const uploaded = clone(DEFAULT_BANK_HOLIDAYS)
    uploaded['england-and-wales'].events.push({ title: 'New Year’s Day', date: '2029-01-01', notes: '', bunting: true })
    uploaded.scotland.events = uploaded.scotland.events.filter((e) => e.date !== '2028-11-30')
    const boyne = uploaded['northern-ireland'].events.find((e) => e.date === '2027-07-12')!
    boyne.title = 'Battle of the Boyne'
    const diff = compareBankHolidays(DEFAULT_BANK_HOLIDAYS, uploaded)
    expect(diff.hasChanges).toBe(true)
    expect(diff.nations['england-and-wales'].added).toEqual([
      { title: 'New Year’s Day', date: '2029-01-01', notes: '', bunting: true },
    ])
    expect(diff.nations.scotland.removed.map((e) => e.date)).toEqual(['2028-11-30'])
    expect(diff.nations['northern-ireland'].changed).toEqual([
      {
        date: '2027-07-12',
        before: expect.objectContaining({ title: 'Battle of the Boyne (Orangemen’s Day)' }),
        after: expect.objectContaining({ title: 'Battle of the Boyne' }),
      },
    ])
    expect(diff.nations['northern-ireland'].added).toEqual([])
  })

  it('finds no changes in an identical file', () => {
    const diff = compareBankHolidays(DEFAULT_BANK_HOLIDAYS, clone(DEFAULT_BANK_HOLIDAYS))
    expect(diff.hasChanges).toBe(false)
    expect(diff.nations.scotland.unchanged).toBe(DEFAULT_BANK_HOLIDAYS.scotland.events.length)
  })
})
