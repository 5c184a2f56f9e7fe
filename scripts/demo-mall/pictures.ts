import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import sharp from 'sharp'
import { DEMO_CATEGORIES, DEMO_ICONS, type DemoProduct } from './mall'

// Each demo product's picture is drawn here, so the project owns every image it ships: its
// category's colours, a PrimeIcons glyph (MIT, drawn from the font file itself, so no system icon
// font is needed) on a soft disc, and the product's name. 4:3 like the shopping cards; the product
// page shows it whole.
const WIDTH = 1280
const HEIGHT = 960
const ICON_SIZE = 300
const ICON_FONT = join(dirname(createRequire(import.meta.url).resolve('primeicons/package.json')), 'fonts', 'primeicons.ttf')
// The name uses a system sans-serif: the Docker image installs DejaVu (see the Dockerfile).
const TEXT_FONTS = 'DejaVu Sans, Liberation Sans, Helvetica, Arial, sans-serif'

const escapeXml = (text: string) => text.replace(/[&<>"']/g, character => `&#${character.charCodeAt(0)};`)

/** The name in one line, or two when long: at the space that leaves the shorter longest line, a comma's preferred. */
export function nameLines(name: string): string[] {
  if (name.length <= 24) return [name]
  const cost = (index: number) => Math.max(index, name.length - index - 1) - (name[index - 1] === ',' ? 4 : 0)
  const spaces = [...name.matchAll(/ /g)].map(match => match.index)
  if (spaces.length === 0) return [name]
  const split = spaces.reduce((best, index) => (cost(index) < cost(best) ? index : best))
  return [name.slice(0, split), name.slice(split + 1)]
}

/** Large enough to read on a card, small enough that the longest line fits the width. */
const nameSize = (lines: string[]) => Math.min(84, Math.floor((WIDTH - 160) / (Math.max(...lines.map(line => line.length)) * 0.6)))

/** The name on a darker band across the foot of the picture, as tall as its lines need. */
function nameText(name: string): string {
  const lines = nameLines(name)
  const size = nameSize(lines)
  const firstBaseline = HEIGHT - 95 - (lines.length - 1) * size * 1.15
  const bandTop = Math.min(HEIGHT - 230, Math.round(firstBaseline - size - 50))
  return `<rect x="0" y="${bandTop}" width="${WIDTH}" height="${HEIGHT - bandTop}" fill="#000000" fill-opacity="0.18"/>` + lines.map((line, index) => `<text x="${WIDTH / 2}" y="${Math.round(firstBaseline + index * size * 1.15)}" text-anchor="middle" font-family="${TEXT_FONTS}" font-size="${size}" font-weight="700" fill="#ffffff">${escapeXml(line)}</text>`).join('')
}

/** The light corner and the icon's disc move with `variant`, so neighbours in a category differ. */
function layout(variant: number) {
  const corner = variant % 4
  return { corner, light: ([[1, 1], [0, 1], [1, 0], [0, 0]] as const)[corner]!, discX: WIDTH / 2 + [-60, 40, 80, -30][corner]!, discY: 380 }
}

function background(product: DemoProduct, variant: number): string {
  const [dark, light] = DEMO_CATEGORIES[product.category].colours
  const { corner, light: [x2, y2], discX, discY } = layout(variant)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs><linearGradient id="wash" x1="${1 - x2}" y1="${1 - y2}" x2="${x2}" y2="${y2}">
    <stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${light}"/>
  </linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#wash)"/>
  <circle cx="${WIDTH - 120}" cy="120" r="${180 + corner * 20}" fill="#ffffff" fill-opacity="0.07"/>
  <circle cx="${discX}" cy="${discY}" r="250" fill="#ffffff" fill-opacity="0.16"/>
  ${nameText(product.name)}
</svg>`
}

/** The product's picture as a PNG, ready for addProductImage. */
export async function drawProductPicture(product: DemoProduct, variant: number): Promise<Buffer> {
  const glyph = String.fromCodePoint(DEMO_ICONS[product.icon])
  const icon = await sharp({
    text: { text: `<span foreground="#ffffff">${glyph}</span>`, font: `primeicons ${ICON_SIZE}`, fontfile: ICON_FONT, rgba: true, dpi: 72 },
  }).png().toBuffer({ resolveWithObject: true })
  const { discX, discY } = layout(variant)
  return sharp(Buffer.from(background(product, variant)))
    .composite([{ input: icon.data, top: Math.round(discY - icon.info.height / 2), left: Math.round(discX - icon.info.width / 2) }])
    .png()
    .toBuffer()
}
