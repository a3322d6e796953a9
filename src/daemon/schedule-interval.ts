import { createTask } from 'node-cron';

/**
 * The longest gap between consecutive runs of a cron expression over its next `runs` runs, in ms:
 * what "one interval" means for a schedule (for `0 9 * * 1-5`, the weekend). The task is created
 * stopped and destroyed: nothing is scheduled.
 */
export function scheduleIntervalMs(expression: string, timezone?: string, runs = 12): number {
  const task = createTask(expression, () => undefined, { timezone });
  try {
    const times = task.getNextRuns(runs).map((date) => date.getTime());
    let longest = 0;
    for (let i = 1; i < times.length; i++) longest = Math.max(longest, times[i]! - times[i - 1]!);
    return longest;
  } finally {
    void task.destroy();
  }
}
