// One row of the campaign page's task list: shared by every module that builds a task.
export type TaskStatus = 'completed' | 'incomplete' | 'cannot-start' | 'problem' | 'not-needed'

export interface Task {
  id: string
  title: string
  href: string | null
  status: TaskStatus
  hint?: string
}
