import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { escapeText, foldLine, writeCalendar, type CalendarEvent } from './ical'

// Calendar names are TEXT by convention (Apple, Google and Outlook unescape them); ical.js leaves X- properties raw
// unless told their type.
ICAL.design.icalendar.property['x-wr-calname'] = { defaultType: 'text' }
ICAL.design.icalendar.property['x-wr-caldesc'] = { defaultType: 'text' }

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) }
}

const octets = (line: string) => Buffer.byteLength(line, 'utf8')

describe('the iCalendar writer', () => {
  const awkward = 'Landlords; rent, “income” \\ 100% — 𝕳𝖊𝖑𝖑𝖔 👨‍👩‍👧\nsecond line\r\nthird'
  const events: CalendarEvent[] = [
    { uid: 'c1-launch@otm', date: '2027-06-01', summary: `Launch: ${awkward}`, description: awkward.repeat(6), url: 'https://otm.example.gov.uk/campaigns/OTM-2027-001?a=1,2', categories: ['Launch', 'Semi;colon'], lastModified: '2026-12-04T08:15:30.123Z' },
    { uid: 'c1-wave@otm', date: '2027-12-31', summary: 'Letters sent' },
  ]
  const text = writeCalendar({ name: 'OTM: Sam, the owner', description: 'Dates; and peaks', events, generatedAt: '2026-12-04T09:00:00Z' })

  it('parses back, with a real parser, to exactly what was written', () => {
    const { calendar, events: parsed } = parse(text)
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0')
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('OTM: Sam, the owner')
    expect(parsed).toHaveLength(2)
    const [launch, wave] = parsed
    expect(launch!.uid).toBe('c1-launch@otm')
    expect(launch!.summary).toBe(`Launch: ${awkward.replace(/\r\n/g, '\n')}`)
    expect(launch!.description).toBe(awkward.replace(/\r\n/g, '\n').repeat(6))
    expect(launch!.startDate.isDate).toBe(true)
    expect(launch!.startDate.toString()).toBe('2027-06-01')
    expect(launch!.endDate.toString()).toBe('2027-06-02')
    expect(launch!.component.getFirstPropertyValue('url')).toBe('https://otm.example.gov.uk/campaigns/OTM-2027-001?a=1,2')
    expect(launch!.component.getFirstProperty('categories')!.getValues()).toEqual(['Launch', 'Semi;colon'])
    expect(launch!.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-12-04T08:15:30Z')
    expect(wave!.endDate.toString()).toBe('2028-01-01')
    expect(wave!.component.getFirstPropertyValue('dtstamp')!.toString()).toBe('2026-12-04T09:00:00Z')
  })

  it('ends every line in CRLF and folds at 75 octets without splitting a character', () => {
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = text.split('\r\n').slice(0, -1)
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75)
    expect(lines.some((line) => line.startsWith(' '))).toBe(true)
    // Unfolding gives back the original content lines.
    expect(text.replace(/\r\n /g, '')).toContain('SUMMARY:Launch: Landlords\\; rent\\, “income” \\\\ 100% — 𝕳𝖊𝖑𝖑𝖔 👨‍👩‍👧\\nsecond line\\nthird')
    expect(Buffer.from(text, 'utf8').toString('utf8')).not.toContain('\uFFFD')
  })

  it('escapes TEXT as RFC 5545 says, and drops control characters', () => {
    expect(escapeText('a;b,c\\d\ne\r\nf\u0007g')).toBe('a\\;b\\,c\\\\d\\ne\\nfg')
    expect(escapeText('lone \uD800 surrogate')).toBe('lone \uFFFD surrogate')
  })

  it('folds a line of multi-byte characters on character boundaries', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`
    const folded = foldLine(line).split('\r\n')
    expect(folded.every((l) => octets(l) <= 75)).toBe(true)
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line)
    expect(foldLine('SHORT:line')).toBe('SHORT:line')
  })
})
