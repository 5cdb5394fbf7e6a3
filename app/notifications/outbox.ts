// The outbox's states and the administrators' filters over them. Pure: the admin page renders them in the browser too.
export type OutboxKind = 'notification' | 'digest' | 'test'
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled'

export const OUTBOX_FILTERS = ['all', 'waiting', 'failed', 'sent'] as const
export type OutboxFilter = (typeof OUTBOX_FILTERS)[number]

export const FILTER_STATES: Record<OutboxFilter, OutboxState[] | null> = {
  all: null,
  waiting: ['pending', 'sending'],
  failed: ['failed', 'cancelled'],
  sent: ['sent'],
}
