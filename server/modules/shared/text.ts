import { z } from 'zod'
import { isUuidPrefix } from '../../../shared/ids'

// C0/C1 control characters (NUL included) never belong in a name; Postgres refuses NUL in text outright.
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/
const CONTROL_EXCEPT_NEWLINES_AND_TABS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

/** A one-line label: trimmed, 1..max characters (counted as code points), no control characters. */
export const label = (max: number) =>
  z.string()
    .trim()
    .refine(value => value.length > 0, 'must not be empty')
    .refine(value => [...value].length <= max, `must be at most ${max} characters`)
    .refine(value => !CONTROL_CHARACTERS.test(value), 'must not contain control characters')

/** Free text such as a description: trimmed, up to max characters, line breaks allowed. */
export const freeText = (max: number) =>
  z.string()
    .trim()
    .refine(value => [...value].length <= max, `must be at most ${max} characters`)
    .refine(value => !CONTROL_EXCEPT_NEWLINES_AND_TABS.test(value), 'must not contain control characters')

export const uuid = z.uuid({ message: 'must be a UUID' })

/** The start of an id, as the admin searches take it: the 8 characters pages show, or more (shared/ids.ts). */
export const uuidPrefix = z.string().trim().toLowerCase()
  .refine(isUuidPrefix, 'must be the start of an id: 0–9 and a–f, with dashes only where an id has them')
  .describe('A whole id or its start, e.g. the 8 characters pages show')

/** Route parameter :id, a UUID. */
export const idParam = z.object({ id: uuid })
