import { randomBytes } from 'node:crypto'

// Saved templates' ids carry a prefix no built-in id has, so one field (`template`) can name either
// and the client can group them, and 12 random bytes, so that a template's id cannot be guessed from
// another's (anyone may list them, but ids are never sequential).

const savedTemplatePattern = /^saved-[A-Za-z0-9_-]{16}$/

export const newSavedTemplateId = () => `saved-${randomBytes(12).toString('base64url')}`

export const isSavedTemplateId = (value: string) => savedTemplatePattern.test(value)
