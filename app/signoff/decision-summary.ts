// What a sign-off decision page says first: the risks this group is signing up to, and which version it is looking
// at, named as people name versions. Pure: the decision page and its tests share it.
import { formatCount, formatDate, formatNumber, formatPence, formatWeekdayDate } from '../campaign/format'
import type { SignOffGroup } from './groups'
import type { CustomerServicesScope, DebtManagementScope, PressOfficeScope, ScopeByGroup } from './scopes'

/** A helpline the forecast leaves short of staff: how many open days, and the first of them. */
export interface StaffShortfall {
  helpline: string
  days: number
  firstDate: string | null
}

/** What the forecast says about staffing, when the inputs are saved: null when there is nothing to forecast. */
export interface StaffingOutlook {
  shortfalls: StaffShortfall[]
}

/**
 * The risks a group signs up to, one sentence each, for the warning text at the top of its decision page: Customer
 * Services, the days its helplines are short of staff; Debt Management, the customers left owing tax; the Press
 * Office, a launch date that is not the one it was told.
 */
export function signOffRisks<G extends SignOffGroup>(group: G, scope: ScopeByGroup[G], staffing: StaffingOutlook | null): string[] {
  if (group === 'customer-services') {
    const s = scope as CustomerServicesScope
    if (!s.forecastInputs) return ['The calls have not been forecast: the forecast inputs are not saved, so nobody knows how many staff the campaign needs.']
    if (!staffing) return ['The forecast sends no calls to a helpline yet, so nobody knows how many staff the campaign needs.']
    return staffing.shortfalls
      .filter((s) => s.days > 0)
      .map((s) => `${s.helpline} is short of staff on ${formatCount(s.days, 'day')}${s.firstDate ? `, the first on ${formatWeekdayDate(s.firstDate)}` : ''}.`)
  }
  if (group === 'debt-management') {
    const { customers, averagePence } = (scope as DebtManagementScope).liabilityEstimate
    if (customers === null) return ['The campaign may leave customers with extra tax to pay, but how many has not been estimated.']
    const average = averagePence === null ? '' : `, ${formatPence(averagePence)} each on average`
    return [`About ${formatNumber(customers)} ${customers === 1 ? 'customer' : 'customers'} may be left with extra tax to pay${average}.`]
  }
  const s = scope as PressOfficeScope
  if (!s.launchDateTold) return [`The Press Office has not been told the launch date. The campaign is planned to launch on ${formatWeekdayDate(s.launchDate)}.`]
  if (s.launchDateTold !== s.launchDate) {
    return [`The Press Office was told the campaign launches on ${formatDate(s.launchDateTold)}, but it is now planned for ${formatWeekdayDate(s.launchDate)}.`]
  }
  return []
}

/**
 * Numbers the versions of a group's scope the way its members meet them: version 1 is the first they decided on (or
 * the one in front of them, if they have not decided yet), and each later version they decide on, or find waiting,
 * is the next number. Versions saved in between that nobody in the group saw are not counted. `decided` lists the
 * hashes the group's decisions were on, oldest first.
 */
export function versionNumbers(decided: readonly string[], currentHash: string): Map<string, number> {
  const numbers = new Map<string, number>()
  for (const hash of [...decided, currentHash]) if (!numbers.has(hash)) numbers.set(hash, numbers.size + 1)
  return numbers
}

/** "version 3, saved 4 December 2026" */
export function versionName(number: number, savedAt: string | null): string {
  return `version ${number}${savedAt ? `, saved ${formatDate(savedAt)}` : ''}`
}
