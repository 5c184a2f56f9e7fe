import { describe, expect, it } from 'vitest'
import { nameOtherType, sniffUploadType } from '../../../../server/modules/catalog/image-type'

const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map(part => typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part)))

describe('sniffing an upload\'s type from its first bytes', () => {
  it('knows JPEG, PNG and WebP by their signatures', () => {
    expect(sniffUploadType(bytes([0xFF, 0xD8, 0xFF, 0xE0], 'JFIF'))).toBe('jpeg')
    expect(sniffUploadType(bytes([0x89], 'PNG\r\n\x1A\n', 'IHDR'))).toBe('png')
    expect(sniffUploadType(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp')
  })

  it('takes nothing else, however it is named', () => {
    for (const other of [bytes('GIF89a'), bytes('RIFF', [0, 0, 0, 0], 'WAVE'), bytes([0xFF, 0xD8]), bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), bytes('hello'), bytes([])]) {
      expect(sniffUploadType(other)).toBeUndefined()
    }
  })

  it('names the common types it refuses, so the message can say what the file is', () => {
    expect(nameOtherType(bytes('GIF87a'))).toBe('a GIF')
    expect(nameOtherType(bytes([0, 0, 0, 0x18], 'ftypheic'))).toBe('an HEIC or AVIF image')
    expect(nameOtherType(bytes('%PDF-1.7'))).toBe('a PDF')
    expect(nameOtherType(bytes('  <?xml version="1.0"?><svg/>'))).toBe('an SVG or other text')
    expect(nameOtherType(bytes('just words'))).toBeUndefined()
  })
})
