import type { SimTask } from './tasks.ts'
import { formatTaskTime } from './time-format.ts'

const metrics = (task: SimTask) => {
  const succeeded = task.results.filter((result) => 'url' in result).length
  const failed = task.status === 'FAILED' ? task.n : task.results.length - succeeded
  return { TOTAL: task.n, SUCCEEDED: succeeded, FAILED: failed }
}

// The `output` object of a task query, by status (docs/dashscope.md §6.2).
const taskOutput = (task: SimTask): Record<string, unknown> => {
  const output: Record<string, unknown> = {
    task_id: task.id,
    task_status: task.status,
    submit_time: formatTaskTime(task.submitAt),
  }
  if (task.scheduledAt !== null) output.scheduled_time = formatTaskTime(task.scheduledAt)
  if (task.endAt !== null) output.end_time = formatTaskTime(task.endAt)
  if (task.status === 'SUCCEEDED') {
    output.results = task.results.map((result) =>
      'url' in result
        ? {
            orig_prompt: task.job.prompt,
            ...(task.actualPrompt === null ? {} : { actual_prompt: task.actualPrompt }),
            url: result.url,
          }
        : result
    )
  }
  if (task.status === 'FAILED') Object.assign(output, task.error)
  if (task.status !== 'PENDING' && task.status !== 'CANCELED') output.task_metrics = metrics(task)
  return output
}

/** The whole body of `GET /tasks/{id}`; only a succeeded task reports `usage`. */
export const taskBody = (requestId: string, task: SimTask): Record<string, unknown> => ({
  request_id: requestId,
  output: taskOutput(task),
  ...(task.status === 'SUCCEEDED' ? { usage: { image_count: task.imageCount } } : {}),
})

/** What the service says for an id it never issued or has forgotten: 200, `UNKNOWN`. */
export const unknownTaskBody = (requestId: string, id: string) => ({
  request_id: requestId,
  output: { task_id: id, task_status: 'UNKNOWN' },
})

/** A task as `GET /__sim/tasks` lists it: the public view plus what produced it. */
export const adminTaskView = (task: SimTask): Record<string, unknown> => ({
  ...taskOutput(task),
  key: task.key,
  request_id: task.requestId,
  model: task.job.model,
  prompt: task.job.prompt,
  seed: task.job.seed,
  n: task.n,
  image_count: task.imageCount,
  faults: task.plan.applied,
})
