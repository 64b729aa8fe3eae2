import { createRoute, z } from '@hono/zod-openapi'
import { USER_ROLES } from '../../../db/domain'
import { MAX_PASSWORD_LENGTH } from '../../auth/passwords'
import { errorResponse, signedInErrors } from '../../lib/errors'
import { viewerSchema } from '../../auth/viewer-schema'
import { emailSchema } from '../../lib/field-schemas'
import { textField } from '../../lib/field-schemas'

const userSchema = viewerSchema
  .extend({ created_at: z.string(), disabled_at: z.string().nullable() })
  .openapi('User')

const withPassword = userSchema.extend({
  password: z.string().optional().openapi({
    description: 'The generated password, present only when one was generated: shown once',
  }),
})

export const list = createRoute({
  method: 'get',
  path: '/users',
  tags: ['Users'],
  summary: 'Every user and their role',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ users: z.array(userSchema) }) } },
      description: 'The users',
    },
    ...signedInErrors,
  },
})

export const create = createRoute({
  method: 'post',
  path: '/users',
  tags: ['Users'],
  summary: 'Add a user; without a password one is generated and returned once',
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.strictObject({
            email: emailSchema,
            name: textField({ max: 200 }).optional(),
            role: z.enum(USER_ROLES),
            password: z.string().max(MAX_PASSWORD_LENGTH).optional(),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    201: { content: { 'application/json': { schema: withPassword } }, description: 'Created' },
    ...signedInErrors,
    409: errorResponse,
  },
})

export const update = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags: ['Users'],
  summary:
    'Change a role or name, disable or enable, or reset the password; a change of role, a disable or a reset signs the user out everywhere',
  request: {
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: {
      content: {
        'application/json': {
          schema: z
            .strictObject({
              name: textField({ max: 200 }).nullable().optional(),
              role: z.enum(USER_ROLES).optional(),
              disabled: z.boolean().optional(),
              reset_password: z.literal(true).optional(),
            })
            .refine((body) => Object.keys(body).length > 0, { error: 'must change something' }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: { content: { 'application/json': { schema: withPassword } }, description: 'Changed' },
    ...signedInErrors,
    404: errorResponse,
    409: errorResponse,
  },
})
