// What "Check before you launch" warns about without blocking the launch. Pure, so the rules are unit-tested.
import { formatWeekdayDate } from './format'

export interface LaunchWarning {
  text: string
  href: string
}

export interface BankHoliday {
  date: string
  title: string
}

/**
 * A launch date or send date on a bank holiday of the campaign's nation: nobody may be at work to launch or post, and
 * the helplines are closed, so the calls land on the next working day. Each date is named once.
 */
export function bankHolidayWarnings(
  campaign: { ref: string; plannedLaunchDate: string; nationName: string },
  sends: readonly { messageId: string; messageName: string; sendDate: string }[],
  holidays: readonly BankHoliday[]
): LaunchWarning[] {
  const holiday = new Map(holidays.map((h) => [h.date, h.title]))
  const on = (date: string) => `${formatWeekdayDate(date)}, a bank holiday in ${campaign.nationName} (${holiday.get(date)})`
  const warnings: LaunchWarning[] = []
  if (holiday.has(campaign.plannedLaunchDate)) {
    warnings.push({ text: `The planned launch date is ${on(campaign.plannedLaunchDate)}`, href: `/campaigns/${campaign.ref}/describe` })
  }
  const seen = new Set<string>()
  for (const send of [...sends].sort((a, b) => a.sendDate.localeCompare(b.sendDate))) {
    const key = `${send.messageId}/${send.sendDate}`
    if (!holiday.has(send.sendDate) || seen.has(key)) continue
    seen.add(key)
    warnings.push({ text: `“${send.messageName}” is sent on ${on(send.sendDate)}`, href: `/campaigns/${campaign.ref}/messages/${send.messageId}` })
  }
  return warnings
}
