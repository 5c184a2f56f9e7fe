/** The image types an admin may upload, as sharp names their formats. */
export type UploadType = 'jpeg' | 'png' | 'webp'

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, index) => bytes[at + index] === byte)

const ascii = (text: string) => [...text].map(character => character.charCodeAt(0))

/**
 * The type the content says it is, by its first bytes (its "magic number"), never by a file name
 * or a Content-Type, which the sender chooses. Signatures: https://mimesniff.spec.whatwg.org/#matching-an-image-type-pattern
 */
export function sniffUploadType(bytes: Uint8Array): UploadType | undefined {
  if (startsWith(bytes, [0xFF, 0xD8, 0xFF])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return 'png'
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp'
  return undefined
}

const OTHER_TYPES: { name: string, matches: (bytes: Uint8Array) => boolean }[] = [
  { name: 'a GIF', matches: bytes => startsWith(bytes, ascii('GIF8')) },
  { name: 'an HEIC or AVIF image', matches: bytes => startsWith(bytes, ascii('ftyp'), 4) },
  { name: 'a PDF', matches: bytes => startsWith(bytes, ascii('%PDF')) },
  { name: 'a BMP', matches: bytes => startsWith(bytes, ascii('BM')) },
  { name: 'a TIFF', matches: bytes => startsWith(bytes, [0x49, 0x49, 0x2A, 0x00]) || startsWith(bytes, [0x4D, 0x4D, 0x00, 0x2A]) },
  { name: 'an SVG or other text', matches: bytes => /^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 64))) },
]

/** What an unsupported upload seems to be, to say so in the refusal ("a GIF"); undefined when unknown. */
export function nameOtherType(bytes: Uint8Array): string | undefined {
  return OTHER_TYPES.find(type => type.matches(bytes))?.name
}
