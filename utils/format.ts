// Numbers, dates and ids as Plaza shows them. Fixed locales and UTC, so that the server and the
// browser render the same text and hydration matches whatever the visitor's time zone is.

const euros = new Intl.NumberFormat('en-IE', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 })

/** Prices always as €1,234.50. */
export const formatEuros = (amount: number) => euros.format(amount)

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })
const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' })
const clock = new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium', timeZone: 'UTC' })
const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', fractionalSecondDigits: 3, hour12: false, timeZone: 'UTC' })

export const formatDateTime = (iso: string) => `${dateTime.format(new Date(iso))} UTC`
/** The two halves of a date for narrow table cells: "29 Nov 2026" over "16:14:55 UTC". */
export const formatDay = (iso: string) => day.format(new Date(iso))
export const formatClock = (iso: string) => `${clock.format(new Date(iso))} UTC`
/** Time of day to the millisecond, for events that follow each other closely. */
export const formatTime = (iso: string) => time.format(new Date(iso))

/**
 * A moment in the shopper's own time zone (the browser's, unless `timeZone` is given), without seconds.
 * Only in the browser after hydration (components/base/LocalTime.vue): the server cannot know the zone.
 */
export function formatLocalDateTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso))
}

/** The first block of a UUID: enough to tell orders apart on screen. */
export const shortId = (id: string) => id.slice(0, 8)

/** A file name from a store name: keeps letters and digits, joins the rest with dashes. */
export function fileSlug(name: string): string {
  return name.normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'store'
}
