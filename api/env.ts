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
   * A PostgreSQL database (postgres://user:password@host:5432/name) to keep the data in, shared
   * by every instance given the same address; unset or empty, the SQLite file at DATABASE_PATH.
   */
  DATABASE_URL: z
    .string()
    .optional()
    .transform((value) => (value === '' ? undefined : value))
    .refine((value) => value === undefined || /^postgres(ql)?:\/\/./.test(value), {
      message: 'must be a postgres:// address, or unset to use the SQLite file at DATABASE_PATH',
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
