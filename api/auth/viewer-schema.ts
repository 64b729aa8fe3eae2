import { z } from '@hono/zod-openapi'
import { USER_ROLES } from '../../db/domain'

/** A user as the API shows them to themselves and to admins. */
export const viewerSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string().nullable(),
    role: z.enum(USER_ROLES),
  })
  .openapi('Viewer')
