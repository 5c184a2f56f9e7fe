import { createHash } from 'node:crypto'
import type sharp from 'sharp'
import type { Metadata, OutputInfo } from 'sharp'
import { IMAGE_MAX_BYTES } from '../../../shared/limits'
import { DomainError } from '../../platform/errors'
import type { ImageFile } from './image-store'
import { nameOtherType, sniffUploadType, type UploadType } from './image-type'

/** Widths pages draw pictures at: a card (and a phone's 1x), the product page, the same on 2x screens. */
export const RENDITION_WIDTHS = [320, 640, 1280]

/**
 * Decoding takes width × height × 4 bytes whatever the file's size: a 10 MB PNG can claim a canvas
 * of 100,000 × 100,000 (a "decompression bomb"). 50 megapixels admits any camera's JPEG.
 */
export const MAX_INPUT_PIXELS = 50_000_000

let loading: Promise<typeof sharp> | undefined

/** sharp and its native library, loaded on first use: the worker shares this module and never needs them. */
function loadSharp(): Promise<typeof sharp> {
  loading ??= import('sharp').then(({ default: library }) => {
    // sharp keeps recent operations in memory to repeat them; each upload is processed once.
    library.cache(false)
    return library
  })
  return loading
}

export interface Renditions {
  /** The largest rendition's size. */
  width: number
  height: number
  files: ImageFile[]
}

/**
 * Checks an upload and makes its renditions: WebP at each of RENDITION_WIDTHS smaller than the
 * picture, plus one at its own width up to the largest (never enlarged), turned upright by its EXIF
 * orientation, with its metadata (EXIF, GPS, ICC: sRGB is assumed) left out.
 */
export async function makeRenditions(bytes: Buffer): Promise<Renditions> {
  const type = checkUpload(bytes)
  const { width } = await readSize(bytes, type)
  const largest = Math.min(width, RENDITION_WIDTHS.at(-1)!)
  // Decoded once, at the largest width; the smaller ones are made from that (a tenth of the work
  // and memory of decoding a camera's picture three times).
  const upright = await decode(bytes, largest)
  const widths = [...RENDITION_WIDTHS.filter(candidate => candidate < largest), largest]
  const files = await Promise.all(widths.map(target => encode(upright, target)))
  return { width: upright.info.width, height: upright.info.height, files }
}

/** 413 over the size limit, 422 when empty, 415 unless the content is a JPEG, PNG or WebP. */
function checkUpload(bytes: Buffer): UploadType {
  if (bytes.length > IMAGE_MAX_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `The image is larger than ${IMAGE_MAX_BYTES / 1024 / 1024} MB; upload a smaller one`)
  if (bytes.length === 0) throw new DomainError('UNPROCESSABLE', 'The file is empty')
  const type = sniffUploadType(bytes)
  if (type) return type
  const other = nameOtherType(bytes)
  throw new DomainError('UNSUPPORTED_MEDIA_TYPE', other
    ? `This is ${other}; upload a JPEG, PNG or WebP image instead`
    : 'This file is not a JPEG, PNG or WebP image (its content was checked, not its name)')
}

/** The upright size, from the header alone (nothing is decoded yet); refuses a bomb before it goes off. */
async function readSize(bytes: Buffer, type: UploadType) {
  let metadata: Metadata
  try {
    // Only the header is read here, so no limit yet: the check below says what is wrong in words.
    metadata = await (await loadSharp())(bytes, { limitInputPixels: false }).metadata()
  }
  catch {
    throw unreadable()
  }
  // Its first bytes said one type and its header another: not a file a camera or editor writes.
  if (metadata.format !== type) throw unreadable()
  const { width, height } = metadata.autoOrient
  if (width * height > MAX_INPUT_PIXELS) {
    throw new DomainError('UNPROCESSABLE', `The image is ${width} × ${height} pixels; at most ${MAX_INPUT_PIXELS / 1_000_000} megapixels are accepted`)
  }
  return { width, height }
}

async function decode(bytes: Buffer, width: number) {
  const sharp = await loadSharp()
  try {
    // failOn 'warning' refuses truncated or damaged pixel data that a lenient decoder would paper over.
    return await sharp(bytes, { failOn: 'warning', limitInputPixels: MAX_INPUT_PIXELS, autoOrient: true })
      .resize({ width, withoutEnlargement: true })
      // 8-bit sRGB pixels, whatever came in (CMYK JPEG, 16-bit PNG), so encode() knows their layout.
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true })
  }
  catch {
    throw unreadable()
  }
}

async function encode(upright: { data: Buffer, info: OutputInfo }, width: number): Promise<ImageFile> {
  const { data, info } = upright
  const sharp = await loadSharp()
  const output = await sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer()
  return { width, format: 'webp', bytes: output, etag: `"${createHash('sha256').update(output).digest('base64url').slice(0, 32)}"` }
}

const unreadable = () => new DomainError('UNPROCESSABLE', 'The image could not be read: the file is damaged or incomplete')
