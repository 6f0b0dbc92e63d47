import type * as z from 'zod/mini'

/** The one message a 400 gives for a body that failed its schema: the first issue, with its field path. */
export function invalidBodyMessage(error: z.core.$ZodError): string {
  const issue = error.issues[0]
  let message = issue?.message ?? 'invalid'
  if (issue?.code === 'unrecognized_keys') {
    message = `unrecognized key(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
  }
  const field = issue?.path.length ? `${issue.path.join('.')}: ` : ''
  return `invalid request body: ${field}${message}`
}
