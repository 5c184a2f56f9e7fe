import { crc32 } from 'node:zlib'
import sharp from 'sharp'

/** A picture of the given size and type, made in memory; noise keeps it from compressing to nothing. */
export async function picture(type: 'jpeg' | 'png' | 'webp', width = 800, height = 600, colour = '#c8553d'): Promise<Buffer> {
  const image = sharp({ create: { width, height, channels: 3, background: colour } })
  return image[type]().toBuffer()
}

/** Bytes an upload route should refuse, each for its own reason. */
export async function badUploads() {
  const jpeg = await picture('jpeg', 1200, 900)
  return {
    gif: await sharp({ create: { width: 40, height: 40, channels: 3, background: '#00f' } }).gif().toBuffer(),
    text: Buffer.from('This is not a picture at all, whatever its name says.\n'),
    truncatedJpeg: jpeg.subarray(0, Math.floor(jpeg.length / 2)),
    magicThenGarbage: Buffer.concat([Buffer.from([0xFF, 0xD8, 0xFF, 0xE0]), Buffer.alloc(2048, 0x5A)]),
    empty: Buffer.alloc(0),
  }
}

/**
 * A PNG whose header claims 20,000 × 20,000 pixels (1.6 GB once decoded) in a few hundred bytes: a
 * decompression bomb. Its IHDR chunk is rewritten in a small real PNG, with the chunk's CRC.
 */
export async function pngBomb(): Promise<Buffer> {
  const png = await picture('png', 16, 16)
  // Signature (8 bytes), then IHDR: length (4), type (4), width (4), height (4), ..., CRC over type and data.
  png.writeUInt32BE(20_000, 16)
  png.writeUInt32BE(20_000, 20)
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29)
  return png
}
