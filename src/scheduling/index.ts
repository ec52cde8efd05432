export type { JobRun, JobSchedule, ScheduledJob } from './scheduled-job.js';
export { Scheduler, type JobOutcome, type SchedulerOptions } from './scheduler.js';
export { cronOf, cronOptions, latestSlot, nextSlots } from './job-slots.js';
