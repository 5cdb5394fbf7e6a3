// Reads a calendar feed with a real iCalendar parser (ical.js), never a regular expression.
import ICAL from 'ical.js'

export interface ParsedEvent {
  uid: string
  summary: string
  description: string
  date: string
  endDate: string
  allDay: boolean
  url: string | null
  categories: string[]
}

export function parseFeed(text: string): { name: string; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component)
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description ?? '',
      date: event.startDate.toString(),
      endDate: event.endDate.toString(),
      allDay: event.startDate.isDate,
      url: (component.getFirstPropertyValue('url') as string | null) ?? null,
      categories: (component.getFirstProperty('categories')?.getValues() as string[] | undefined) ?? [],
    }
  })
  return { name: String(calendar.getFirstPropertyValue('x-wr-calname') ?? ''), events }
}
