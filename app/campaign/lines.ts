// Where each audience's lines to take are managed, and what a user is told when a change cannot be made.
import type { LineAudience } from '../content/coverage'

/** The task page that lists each audience's lines. */
export const AUDIENCE_TASK: Record<LineAudience, 'lines' | 'press' | 'debt-management'> = {
  helpline: 'lines',
  internal: 'lines',
  press: 'press',
  'debt-management': 'debt-management',
}

export function audienceTaskPath(ref: string, audience: LineAudience): string {
  return `/campaigns/${ref}/${AUDIENCE_TASK[audience]}`
}

export const LINE_AUDIENCE_HINTS: Record<LineAudience, string> = {
  helpline: 'Call handlers on the helplines; printed in the helpline pack',
  press: 'The Press Office, for questions from the media; printed in the press pack',
  'debt-management': 'Debt Management advisers; printed in the Debt Management pack',
  internal: 'The campaign team only; not printed in any pack',
}

/** The headings of each audience's list. */
export const LINE_LIST_HEADINGS: Record<LineAudience, string> = {
  helpline: 'Helpline lines',
  press: 'Press lines',
  'debt-management': 'Debt Management lines',
  internal: 'Internal lines',
}

export const MOVE_REFUSALS = {
  gone: 'That line to take has just been removed by someone else, so nothing was moved. The list below is up to date.',
  changed: 'That line to take was changed by someone else, so nothing was moved. Check the list below, then try again.',
  'order-changed': 'The order of these lines changed after you opened this page, so nothing was moved. Check the order below, then try again.',
} as const

export const LINE_NOTICES: Record<string, string> = {
  added: 'Line to take added',
  saved: 'Your changes have been saved',
  removed: 'Line to take removed',
  'already-removed': 'That line to take had already been removed',
  moved: 'Line to take moved',
}
