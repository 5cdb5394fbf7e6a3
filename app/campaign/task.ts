// One row of the campaign page's task list: shared by every module that builds a task.
// "waiting": the owner has done their part and waits for others (the status text names them).
export type TaskStatus = 'completed' | 'incomplete' | 'cannot-start' | 'problem' | 'not-needed' | 'waiting'

export interface Task {
  id: string
  title: string
  href: string | null
  status: TaskStatus
  /** Words that say more than the status alone, like "Waiting for the Press Office". */
  statusText?: string
  hint?: string
}
