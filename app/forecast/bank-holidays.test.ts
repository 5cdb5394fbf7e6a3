import { describe, expect, it } from 'vitest'
import data from './bank-holidays.json'
import { DEFAULT_BANK_HOLIDAYS } from './bank-holidays'
import { NATIONS, validateBankHolidays, type Nation } from './bank-holiday-file'
import { daysFromCivil, fromDayNumber, weekdayOfDayNumber } from './dates'

// Anonymous Gregorian algorithm (Meeus/Jones/Butcher): Easter Sunday of a year.
function easterSunday(year: number): number {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return daysFromCivil(year, month, day)
}

const iso = fromDayNumber
const wd = weekdayOfDayNumber

function firstMonday(year: number, month: number) {
  let d = daysFromCivil(year, month, 1)
  while (wd(d) !== 0) d++
  return d
}
function lastMonday(year: number, month: number) {
  let d = daysFromCivil(year, month + 1, 1) - 1
  while (wd(d) !== 0) d--
  return d
}

interface Expected {
  title: string
  date: string
  notes: string
}

/** The standing rules for each nation, with weekend holidays moved to the next free weekday. */
function expectedYear(year: number, nation: Nation): Expected[] {
  const list: { title: string; day: number; notes: string }[] = []
  const fixed = (title: string, day: number) => {
    const taken = new Set(list.map((e) => e.day))
    if (wd(day) < 5 && !taken.has(day)) return list.push({ title, day, notes: '' })
    let s = day
    do s++
    while (wd(s) >= 5 || taken.has(s))
    list.push({ title, day: s, notes: 'Substitute day' })
  }
  fixed('New Year’s Day', daysFromCivil(year, 1, 1))
  if (nation === 'scotland') fixed('2nd January', daysFromCivil(year, 1, 2))
  if (nation === 'northern-ireland') fixed('St Patrick’s Day', daysFromCivil(year, 3, 17))
  const easter = easterSunday(year)
  list.push({ title: 'Good Friday', day: easter - 2, notes: '' })
  if (nation !== 'scotland') list.push({ title: 'Easter Monday', day: easter + 1, notes: '' })
  list.push({ title: 'Early May bank holiday', day: firstMonday(year, 5), notes: '' })
  list.push({ title: 'Spring bank holiday', day: lastMonday(year, 5), notes: '' })
  if (nation === 'northern-ireland') fixed('Battle of the Boyne (Orangemen’s Day)', daysFromCivil(year, 7, 12))
  list.push({
    title: 'Summer bank holiday',
    day: nation === 'scotland' ? firstMonday(year, 8) : lastMonday(year, 8),
    notes: '',
  })
  if (nation === 'scotland') fixed('St Andrew’s Day', daysFromCivil(year, 11, 30))
  // Christmas and Boxing Day: a weekend day moves to the first weekday not already a holiday.
  const christmas = daysFromCivil(year, 12, 25)
  if (wd(christmas) === 6) {
    list.push({ title: 'Boxing Day', day: christmas + 1, notes: '' })
    list.push({ title: 'Christmas Day', day: christmas + 2, notes: 'Substitute day' })
  } else {
    fixed('Christmas Day', christmas)
    fixed('Boxing Day', christmas + 1)
  }
  return list
    .sort((a, b) => a.day - b.day)
    .map((e) => ({ title: e.title, date: iso(e.day), notes: e.notes }))
}

describe('Easter', () => {
  it('matches known Easter Sundays', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22',
      2000: '2000-04-23',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2038: '2038-04-25',
      2285: '2285-03-22',
    }
    for (const [year, date] of Object.entries(known)) expect(iso(easterSunday(Number(year)))).toBe(date)
  })
})

describe('the shipped bank holidays', () => {
  it('is a valid GOV.UK-format file with all three divisions', () => {
    const result = validateBankHolidays(data)
    expect(result.ok).toBe(true)
    expect(Object.keys(data)).toEqual(['england-and-wales', 'scotland', 'northern-ireland'])
    for (const nation of NATIONS) expect(DEFAULT_BANK_HOLIDAYS[nation].division).toBe(nation)
  })

  it.each(NATIONS)('follows the standing rules for %s, 2024–2028, in date order', (nation) => {
    const expected = [2024, 2025, 2026, 2027, 2028].flatMap((y) => expectedYear(y, nation))
    const actual = DEFAULT_BANK_HOLIDAYS[nation].events.map(({ title, date, notes }) => ({ title, date, notes }))
    expect(actual).toEqual(expected)
  })

  it('has Good Friday everywhere and Easter Monday everywhere but Scotland, from the computed Easter', () => {
    for (let year = 2024; year <= 2028; year++) {
      const easter = easterSunday(year)
      for (const nation of NATIONS) {
        const dates = DEFAULT_BANK_HOLIDAYS[nation].events.map((e) => e.date)
        expect(dates).toContain(iso(easter - 2))
        expect(dates.includes(iso(easter + 1))).toBe(nation !== 'scotland')
      }
    }
  })

  it('never puts a holiday on a weekend, and GOV.UK’s bunting flags are kept', () => {
    for (const nation of NATIONS) {
      for (const e of DEFAULT_BANK_HOLIDAYS[nation].events) {
        const [y, m, d] = e.date.split('-').map(Number)
        expect(wd(daysFromCivil(y, m, d))).toBeLessThan(5)
        const quiet = e.title === 'Good Friday' || e.title.startsWith('Battle of the Boyne')
        expect(e.bunting).toBe(!quiet)
      }
    }
  })

  it('has the substitute days GOV.UK publishes', () => {
    const find = (nation: Nation, date: string) => DEFAULT_BANK_HOLIDAYS[nation].events.find((e) => e.date === date)
    // Christmas on a Saturday (2027): both days move.
    expect(find('england-and-wales', '2027-12-27')).toMatchObject({ title: 'Christmas Day', notes: 'Substitute day' })
    expect(find('england-and-wales', '2027-12-28')).toMatchObject({ title: 'Boxing Day', notes: 'Substitute day' })
    // Boxing Day on a Saturday (2026).
    expect(find('scotland', '2026-12-28')).toMatchObject({ title: 'Boxing Day', notes: 'Substitute day' })
    // New Year’s Day on a Saturday (2028), and Scotland’s 2 January after it.
    expect(find('northern-ireland', '2028-01-03')).toMatchObject({ title: 'New Year’s Day', notes: 'Substitute day' })
    expect(find('scotland', '2028-01-04')).toMatchObject({ title: '2nd January', notes: 'Substitute day' })
    // 2 January on a Saturday (2027).
    expect(find('scotland', '2027-01-04')).toMatchObject({ title: '2nd January', notes: 'Substitute day' })
    // St Andrew’s Day on a Saturday (2024) and a Sunday (2025).
    expect(find('scotland', '2024-12-02')).toMatchObject({ title: 'St Andrew’s Day', notes: 'Substitute day' })
    expect(find('scotland', '2025-12-01')).toMatchObject({ title: 'St Andrew’s Day', notes: 'Substitute day' })
    // St Patrick’s Day on a Sunday (2024); the Boyne on a Saturday (2025) and a Sunday (2026).
    expect(find('northern-ireland', '2024-03-18')).toMatchObject({ notes: 'Substitute day' })
    expect(find('northern-ireland', '2025-07-14')).toMatchObject({ notes: 'Substitute day' })
    expect(find('northern-ireland', '2026-07-13')).toMatchObject({ notes: 'Substitute day' })
    // 2028: Christmas on a Monday needs no substitute.
    expect(find('england-and-wales', '2028-12-25')).toMatchObject({ title: 'Christmas Day', notes: '' })
    expect(find('england-and-wales', '2028-12-26')).toMatchObject({ title: 'Boxing Day', notes: '' })
  })

  it('puts Scotland’s summer holiday on the first Monday of August and the others’ on the last', () => {
    const summer = (nation: Nation) =>
      DEFAULT_BANK_HOLIDAYS[nation].events.filter((e) => e.title === 'Summer bank holiday').map((e) => e.date)
    expect(summer('scotland')).toEqual(['2024-08-05', '2025-08-04', '2026-08-03', '2027-08-02', '2028-08-07'])
    expect(summer('england-and-wales')).toEqual(['2024-08-26', '2025-08-25', '2026-08-31', '2027-08-30', '2028-08-28'])
    expect(summer('northern-ireland')).toEqual(summer('england-and-wales'))
  })
})
