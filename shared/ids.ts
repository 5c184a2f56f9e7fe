// Pages show an id's first 8 characters; the searches take that, or any start of the id. The server
// turns a start into the range of UUIDs that begin with it: Postgres orders uuids byte by byte, as
// their hex text sorts, so `between` on the column uses its btree index, where `id::text like` cannot.
const UUID_TEMPLATE = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx'
const HEX = /^[0-9a-f]$/i

/** True for 1–36 characters that start a UUID as it is written: hex digits, dashes only where it has them. */
export function isUuidPrefix(value: string): boolean {
  return value.length > 0 && value.length <= UUID_TEMPLATE.length
    && [...value].every((character, index) => (UUID_TEMPLATE[index] === '-' ? character === '-' : HEX.test(character)))
}

const withDashes = (hex: string) => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`

/** The first and the last UUID that start with `prefix` (one isUuidPrefix accepts), lowercase. */
export function uuidPrefixRange(prefix: string): { from: string, to: string } {
  const hex = prefix.toLowerCase().replaceAll('-', '')
  return { from: withDashes(hex.padEnd(32, '0')), to: withDashes(hex.padEnd(32, 'f')) }
}
