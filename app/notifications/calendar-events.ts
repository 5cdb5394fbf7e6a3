// What the calendar feeds hold, as events: a campaign's launch date, each wave's send date, the date its sign-off is
// due, and the day the forecast expects most of its calls at a helpline. Pure. Each event's UID is made from ids that
// never change (the campaign, the message and the wave's position, the helpline), so when a date moves a calendar
// moves the event instead of adding another.
import { CHANNEL_LABELS, type Channel } from '../content/rules'
import { formatDate, STATUS_LABELS, type CampaignStatus } from '../campaign/options'
import { GROUP_LABELS, type SignOffGroup } from '../signoff/groups'
import { listWords } from '../signoff/words'
import type { CalendarEvent } from './ical'

const UID_DOMAIN = 'otm-campaign-planner'

export interface FeedWave {
  messageId: string
  messageName: string
  channel: string
  /** The wave's place in its message: with the message id, what names it. */
  position: number
  sendDate: string
  volume: number
}

export interface FeedCampaign {
  id: string
  ref: string
  name: string
  status: string
  plannedLaunchDate: string
  updatedAt: string
  waves: readonly FeedWave[]
  /** While sign-off is still to be given: when it is due, and the groups still to approve. */
  signOffDue: { date: string; groups: readonly SignOffGroup[] } | null
}

export interface FeedPeak {
  campaignId: string
  ref: string
  name: string
  helplineId: string
  helplineName: string
  date: string
  /** Central forecast calls that day. */
  calls: number
  updatedAt: string
}

/** Sign-off is due by the last working day before the planned launch date, in the campaign's own nation. */
export function signOffDueDate(plannedLaunchDate: string, calendar: { addWorkingDays(date: string, n: number): string }): string {
  return calendar.addWorkingDays(plannedLaunchDate, -1)
}

const statusWord = (status: string) => STATUS_LABELS[status as CampaignStatus] ?? status
const channelWord = (channel: string) => CHANNEL_LABELS[channel as Channel] ?? channel
const whole = (n: number) => Math.round(n).toLocaleString('en-GB')

export function campaignEvents(campaign: FeedCampaign, origin: string): CalendarEvent[] {
  const url = `${origin}/campaigns/${campaign.ref}`
  const events: CalendarEvent[] = [
    {
      uid: `${campaign.id}-launch@${UID_DOMAIN}`,
      date: campaign.plannedLaunchDate,
      summary: `${campaign.status === 'launched' || campaign.status === 'closed' ? 'Launched' : 'Launch'}: ${campaign.ref} ${campaign.name}`,
      description: `Planned launch date of ${campaign.ref} (${campaign.name}). Status: ${statusWord(campaign.status)}.`,
      url,
      categories: ['Launch'],
      lastModified: campaign.updatedAt,
    },
  ]
  for (const wave of campaign.waves) {
    events.push({
      uid: `${campaign.id}-send-${wave.messageId}-${wave.position}@${UID_DOMAIN}`,
      date: wave.sendDate,
      summary: `Sent: ${campaign.ref} ${wave.messageName}`,
      description: `${channelWord(wave.channel)} “${wave.messageName}” of ${campaign.ref} (${campaign.name}) goes to ${whole(wave.volume)} customers.`,
      url: `${url}/messages/${wave.messageId}`,
      categories: ['Send date'],
      lastModified: campaign.updatedAt,
    })
  }
  if (campaign.signOffDue) {
    const groups = campaign.signOffDue.groups.map((g) => GROUP_LABELS[g])
    events.push({
      uid: `${campaign.id}-sign-off-due@${UID_DOMAIN}`,
      date: campaign.signOffDue.date,
      summary: `Sign-off due: ${campaign.ref} ${campaign.name}`,
      description: `Every approval ${campaign.ref} needs is due by ${formatDate(campaign.signOffDue.date)}, the working day before its planned launch on ${formatDate(campaign.plannedLaunchDate)}.${groups.length ? ` Still to approve: ${listWords(groups)}.` : ''}`,
      url: `${url}/sign-off`,
      categories: ['Sign-off due'],
      lastModified: campaign.updatedAt,
    })
  }
  return events
}

export function peakEvent(peak: FeedPeak, origin: string): CalendarEvent {
  return {
    uid: `${peak.campaignId}-peak-${peak.helplineId}@${UID_DOMAIN}`,
    date: peak.date,
    summary: `Call peak: ${peak.ref} at ${peak.helplineName}`,
    description: `The forecast expects the most calls from ${peak.ref} (${peak.name}) at ${peak.helplineName} on this day: about ${whole(peak.calls)} (central forecast).`,
    url: `${origin}/campaigns/${peak.ref}/forecast`,
    categories: ['Call peak'],
    lastModified: peak.updatedAt,
  }
}
