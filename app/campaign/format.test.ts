import { describe, expect, it } from 'vitest'
import {
  formatCount,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDuration,
  formatFte,
  formatNumber,
  formatPence,
  formatPercent,
  formatTime,
  formatTimeRange,
  formatWeek,
  formatWeekdayDate,
} from './format'

describe('dates', () => {
  it('writes a date as GOV.UK does, with the month in full', () => {
    expect(formatDate('2026-12-04')).toBe('4 December 2026')
    expect(formatDate('2027-02-17')).toBe('17 February 2027')
    expect(formatDate(null)).toBe('')
    expect(formatDate('')).toBe('')
    expect(formatDate('not a date')).toBe('not a date')
  })

  it('gives a timestamp the date it has in the UK', () => {
    expect(formatDate('2026-06-30T23:30:00Z')).toBe('1 July 2026')
    expect(formatDate('2026-12-31T23:30:00Z')).toBe('31 December 2026')
  })

  it('puts the day of the week first, in full, where it matters', () => {
    expect(formatWeekdayDate('2026-12-25')).toBe('Friday 25 December 2026')
    expect(formatWeekdayDate('2027-02-17')).toBe('Wednesday 17 February 2027')
    expect(formatWeekdayDate('2028-02-29')).toBe('Tuesday 29 February 2028')
  })

  it('says a range once, without repeating the month or year it shares', () => {
    expect(formatDateRange('2026-12-04', '2026-12-18')).toBe('4 to 18 December 2026')
    expect(formatDateRange('2026-11-30', '2026-12-04')).toBe('30 November to 4 December 2026')
    expect(formatDateRange('2026-12-30', '2027-01-03')).toBe('30 December 2026 to 3 January 2027')
    expect(formatDateRange('2026-12-04', '2026-12-04')).toBe('4 December 2026')
  })

  it('names a week by its Monday, never by an ISO week number', () => {
    expect(formatWeek('2026-11-30')).toBe('Week starting 30 November 2026')
  })
})

describe('times', () => {
  it('writes times on a 12-hour clock without ":00", and says midday and midnight', () => {
    expect(formatTime('09:00')).toBe('9am')
    expect(formatTime('08:30')).toBe('8:30am')
    expect(formatTime('17:30')).toBe('5:30pm')
    expect(formatTime('18:00')).toBe('6pm')
    expect(formatTime('12:00')).toBe('midday')
    expect(formatTime('12:30')).toBe('12:30pm')
    expect(formatTime('00:00')).toBe('midnight')
    expect(formatTime('24:00')).toBe('midnight')
    expect(formatTime('00:30')).toBe('12:30am')
    expect(formatTime('25:00')).toBe('25:00')
  })

  it('joins a range with "to"', () => {
    expect(formatTimeRange('08:00', '18:00')).toBe('8am to 6pm')
    expect(formatTimeRange('08:30', '09:00')).toBe('8:30am to 9am')
  })

  it('writes a moment in UK time, the hour after midnight as 12, as browsers do', () => {
    expect(formatDateTime('2026-11-25T00:53:00Z')).toBe('25 November 2026 at 12:53am')
    expect(formatDateTime('2026-07-01T11:05:00Z')).toBe('1 July 2026 at 12:05pm')
    expect(formatDateTime('2026-07-01T23:30:00Z')).toBe('2 July 2026 at 12:30am')
    expect(formatDateTime('2026-03-29T01:00:00Z')).toBe('29 March 2026 at 2am')
    expect(formatDateTime('2026-12-04T09:00:00Z')).toBe('4 December 2026 at 9am')
    expect(formatDateTime('2026-12-04T12:00:00Z')).toBe('4 December 2026 at midday')
    expect(formatDateTime('not a date')).toBe('not a date')
  })
})

describe('durations', () => {
  it('writes seconds as minutes and hours a person reads at a glance', () => {
    expect(formatDuration(540)).toBe('9 minutes')
    expect(formatDuration(60)).toBe('1 minute')
    expect(formatDuration(90)).toBe('1 minute 30 seconds')
    expect(formatDuration(45)).toBe('45 seconds')
    expect(formatDuration(1)).toBe('1 second')
    expect(formatDuration(0)).toBe('0 seconds')
    expect(formatDuration(7200)).toBe('2 hours')
    expect(formatDuration(3900)).toBe('1 hour 5 minutes')
    expect(formatDuration(7.6)).toBe('8 seconds')
  })
})

describe('numbers', () => {
  it('groups thousands', () => {
    expect(formatNumber(1080)).toBe('1,080')
    expect(formatNumber(2_000_000)).toBe('2,000,000')
    expect(formatNumber(2.5)).toBe('2.5')
  })

  it('counts things in words that agree with the number', () => {
    expect(formatCount(1, 'message')).toBe('1 message')
    expect(formatCount(2000, 'message')).toBe('2,000 messages')
    expect(formatCount(3, 'day', 'days')).toBe('3 days')
  })

  it('writes staff as whole FTE, keeping a decimal only where rounding would hide a need', () => {
    expect(formatFte(1080)).toBe('1,080')
    expect(formatFte(1079.6)).toBe('1,080')
    expect(formatFte(12.4)).toBe('12')
    expect(formatFte(0.4)).toBe('0.4')
    expect(formatFte(-0.4)).toBe('-0.4')
    expect(formatFte(0.01)).toBe('0')
    expect(formatFte(0)).toBe('0')
  })

  it('writes percentages without trailing zeros', () => {
    expect(formatPercent(80)).toBe('80%')
    expect(formatPercent(97.5)).toBe('97.5%')
    expect(formatPercent(2.254)).toBe('2.25%')
  })

  it('writes money in pounds, with pence only when there are some', () => {
    expect(formatPence(125_000)).toBe('£1,250')
    expect(formatPence(7550)).toBe('£75.50')
    expect(formatPence(5)).toBe('£0.05')
  })
})
