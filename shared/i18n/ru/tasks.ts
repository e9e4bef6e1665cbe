/** Titles of the tasks the workflow opens; stored with the task so lists and reminders read the same. */
const TASK_TITLES = {
  review: 'Рассмотреть обращение и выбрать направление',
} as const;

export function taskTitle(kind: keyof typeof TASK_TITLES): string {
  return TASK_TITLES[kind];
}
