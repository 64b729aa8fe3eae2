import { createRoute, z } from '@hono/zod-openapi'
import { MAX_PASSWORD_LENGTH } from '../../auth/passwords'
import { errorResponse, signedInErrors } from '../../lib/errors'
import { viewerSchema } from '../../auth/viewer-schema'
import { textField } from '../../lib/field-schemas'

const passwordInput = z.string().min(1).max(MAX_PASSWORD_LENGTH)

const sessionSchema = z
  .object({
    user: viewerSchema,
    via: z.enum(['session', 'token']),
    csrf_token: z.string().nullable().openapi({
      description: 'Send as X-CSRF-Token with every write made with the session cookie',
    }),
    expires_at: z.string().nullable(),
    must_change_password: z.boolean().openapi({
      description:
        'The password is one that was printed (the first admin, a generated one): the dashboard asks for a new one first',
    }),
  })
  .openapi('Session')

const json = <Schema extends z.ZodType>(schema: Schema) => ({
  content: { 'application/json': { schema } },
  required: true,
})

export const signIn = createRoute({
  method: 'post',
  path: '/auth/sign-in',
  tags: ['Auth'],
  summary: 'Sign in with email and password; sets the session cookie',
  request: { body: json(z.strictObject({ email: z.string().max(254), password: passwordInput })) },
  responses: {
    200: { content: { 'application/json': { schema: sessionSchema } }, description: 'Signed in' },
    ...signedInErrors,
    429: errorResponse,
    503: errorResponse,
  },
})

export const signOut = createRoute({
  method: 'post',
  path: '/auth/sign-out',
  tags: ['Auth'],
  summary: 'End this session',
  responses: {
    204: { description: 'Signed out; the cookie is cleared' },
    ...signedInErrors,
  },
})

export const session = createRoute({
  method: 'get',
  path: '/auth/session',
  tags: ['Auth'],
  summary: 'Who is signed in, and the CSRF token for writes',
  responses: {
    200: { content: { 'application/json': { schema: sessionSchema } }, description: 'Signed in' },
    ...signedInErrors,
  },
})

export const changePassword = createRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['Auth'],
  summary: 'Change your own password; every other session and token of yours is revoked',
  request: {
    body: json(z.strictObject({ current_password: passwordInput, new_password: passwordInput })),
  },
  responses: { 204: { description: 'Changed' }, ...signedInErrors },
})

const tokenSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    created_at: z.string(),
    last_used_at: z.string().nullable(),
  })
  .openapi('ApiToken')

export const listTokens = createRoute({
  method: 'get',
  path: '/auth/tokens',
  tags: ['Auth'],
  summary: 'Your API tokens (never their secrets)',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ tokens: z.array(tokenSchema) }) } },
      description: 'The tokens',
    },
    ...signedInErrors,
  },
})

export const createToken = createRoute({
  method: 'post',
  path: '/auth/tokens',
  tags: ['Auth'],
  summary: 'A new API token for scripts: the secret is shown in this response only',
  request: { body: json(z.strictObject({ name: textField({ max: 100 }) })) },
  responses: {
    201: {
      content: {
        'application/json': {
          schema: tokenSchema.omit({ last_used_at: true }).extend({ token: z.string() }),
        },
      },
      description: 'Created; send it as Authorization: Bearer <token>',
    },
    ...signedInErrors,
  },
})

export const deleteToken = createRoute({
  method: 'delete',
  path: '/auth/tokens/{id}',
  tags: ['Auth'],
  summary: 'Revoke one of your API tokens',
  request: { params: z.object({ id: z.coerce.number().int().positive() }) },
  responses: { 204: { description: 'Revoked' }, ...signedInErrors, 404: errorResponse },
})
