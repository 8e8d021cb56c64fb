import { z } from 'zod';

/** A Temporal task queue name, as inputs that limit work to one queue's cases take it (tests sharing a server). */
export const TaskQueueName = z.string().regex(/^[A-Za-z0-9._-]{1,200}$/, 'a task queue name');
