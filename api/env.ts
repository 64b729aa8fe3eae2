import { z } from 'zod'
import { DEFAULT_ANALYTICS_WORKERS } from './analyses/service'

const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((value) => value === 'true' || value === '1')

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('./data/loopscope.db'),
  /** Seed the demo data set into an empty database at start. */
  DEMO_DATA: flag.default(true),
  /** How long a stop (SIGTERM) waits for requests in flight before cutting them. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).max(600).default(30),
  /** Worker threads for analytics computations (0: on the request thread). */
  ANALYTICS_WORKERS: z.coerce.number().int().min(0).max(64).default(DEFAULT_ANALYTICS_WORKERS),
  /**
   * Refused while set: the data is served from SQLite (`DATABASE_PATH`) only, and a server
   * that quietly ignored a PostgreSQL address would split a team's data between stores.
   */
  DATABASE_URL: z
    .string()
    .optional()
    .refine((value) => value === undefined || value === '', {
      message:
        'PostgreSQL is not yet a store Loopscope serves from: unset DATABASE_URL to use the SQLite file at DATABASE_PATH',
    }),
})

export type Env = z.infer<typeof envSchema>

/** The settings from the environment, read once; the process exits on an invalid value. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      console.error(`Invalid environment variable ${issue.path.join('.')}: ${issue.message}`)
    }
    process.exit(1)
  }
  return parsed.data
}
