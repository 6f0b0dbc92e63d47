import { randomBytes } from 'node:crypto'
import pino from 'pino'

/*
 * Structured JSON logs (pino). Every socket gets a short connection id that appears on each of its lines.
 * Tokens must never reach a log: code logs board ids and paths, never URLs with query strings or headers,
 * and `redact` is the safety net for a field someone adds later.
 */

export type Logger = pino.Logger

export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'journeyboard' },
      redact: {
        paths: [
          'token',
          '*.token',
          'editToken',
          'viewToken',
          'participantSecret',
          '*.participantSecret',
          'authorization',
          '*.authorization',
          'url',
          '*.url',
        ],
        censor: '[redacted]',
      },
    },
    options.destination ?? pino.destination(1),
  )
}

/** Short and random, so ids from two server instances in one log never collide. */
export const newConnectionId = () => `c_${randomBytes(6).toString('base64url')}`
