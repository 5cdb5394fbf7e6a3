// Who must sign a campaign off. Pure: the server, the pages and the tests share these rules.
import type { Role } from '../utils/roles'

export const SIGN_OFF_GROUPS = ['customer-services', 'debt-management', 'press-office', 'welsh-language-services'] as const
export type SignOffGroup = (typeof SIGN_OFF_GROUPS)[number]

export const GROUP_LABELS: Record<SignOffGroup, string> = {
  'customer-services': 'Customer Services',
  'debt-management': 'Debt Management',
  'press-office': 'Press Office',
  'welsh-language-services': 'Welsh Language Services',
}

/** Each group's members are the users who hold the role of the same name. */
export const GROUP_ROLE: Record<SignOffGroup, Role> = {
  'customer-services': 'customer-services',
  'debt-management': 'debt-management',
  'press-office': 'press-office',
  'welsh-language-services': 'welsh-language-services',
}

export function isSignOffGroup(value: unknown): value is SignOffGroup {
  return typeof value === 'string' && (SIGN_OFF_GROUPS as readonly string[]).includes(value)
}

/**
 * Customer Services always (CH600440 expects calls even when none are sought), Debt Management when customers may be
 * left with extra liability, the Press Office when it must be informed, Welsh Language Services when any message, line
 * or script has a Welsh version. Always in the order of SIGN_OFF_GROUPS.
 */
export function requiredGroups(campaign: { extraLiability: boolean; pressInform: boolean; welshContent?: boolean }): SignOffGroup[] {
  return SIGN_OFF_GROUPS.filter(
    (group) =>
      group === 'customer-services' ||
      (group === 'debt-management' && campaign.extraLiability) ||
      (group === 'press-office' && campaign.pressInform) ||
      (group === 'welsh-language-services' && !!campaign.welshContent),
  )
}

/** The sign-off groups a user belongs to, through their roles. */
export function groupsOf(user: { roles: readonly string[] }): SignOffGroup[] {
  return SIGN_OFF_GROUPS.filter((group) => user.roles.includes(GROUP_ROLE[group]))
}

/** "the Press Office", "Customer Services": how a sentence names a group. */
export function groupName(group: SignOffGroup): string {
  return group === 'press-office' ? 'the Press Office' : GROUP_LABELS[group]
}

/** "The Press Office", "Customer Services": a group named at the start of a sentence. */
export function groupNameFirst(group: SignOffGroup): string {
  const name = groupName(group)
  return name.charAt(0).toUpperCase() + name.slice(1)
}

/** "Customer Services, Debt Management and the Press Office"; "Debt Management or the Press Office". */
export function groupNames(groups: readonly SignOffGroup[], conjunction: 'and' | 'or' = 'and'): string {
  const names = groups.map(groupName)
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`
}
