// The demo mall a fresh Plaza opens with (scripts/demo-mall/seed.ts): invented stores in Portuguese
// towns, and products a shopper recognises, with prices, stock and a category each. Two products
// have only a few units left, so the OUT_OF_STOCK rejection is easy to try.

/** The mall's categories; each product's picture takes its category's colours. */
export const DEMO_CATEGORIES = {
  tea: { name: 'Tea & coffee', colours: ['#115e59', '#14b8a6'] },
  kitchen: { name: 'Kitchen & table', colours: ['#7c2d12', '#ea580c'] },
  books: { name: 'Books & stationery', colours: ['#312e81', '#6366f1'] },
  garden: { name: 'Plants & garden', colours: ['#14532d', '#22c55e'] },
  home: { name: 'Home & light', colours: ['#78350f', '#d97706'] },
  pantry: { name: 'Pantry', colours: ['#881337', '#e11d48'] },
} as const

export type DemoCategory = keyof typeof DEMO_CATEGORIES

/** PrimeIcons glyphs the pictures draw (node_modules/primeicons/primeicons.css names their code points). */
export const DEMO_ICONS = {
  bolt: 0xE9DB,
  book: 0xE9BA,
  bookmark: 0xE94E,
  box: 0xE9D9,
  bullseye: 0xEA32,
  circle: 0xE9DC,
  clock: 0xE940,
  cloud: 0xE945,
  crown: 0xEA0F,
  gift: 0xE9F2,
  heart: 0xE984,
  home: 0xE925,
  lightbulb: 0xEA28,
  map: 0xE9C2,
  moon: 0xE9C7,
  'pen-to-square': 0xEA0B,
  pencil: 0xE942,
  'shopping-bag': 0xE9E5,
  sparkles: 0xEA31,
  star: 0xE937,
  sun: 0xE9C8,
  'th-large': 0xE918,
  wrench: 0xE9FF,
} as const

export interface DemoProduct {
  name: string
  description: string
  price: number
  stock: number
  category: DemoCategory
  icon: keyof typeof DEMO_ICONS
}

export interface DemoStore {
  name: string
  location: string
  products: DemoProduct[]
}

export const DEMO_STORES: DemoStore[] = [
  {
    name: 'Casa do Chá',
    location: 'Porto, Ribeira',
    products: [
      { name: 'Sencha Green Tea, 100 g', description: 'Steamed Japanese green tea with a fresh, grassy cup. Brew at 75 °C for two minutes.', price: 8.5, stock: 40, category: 'tea', icon: 'sparkles' },
      { name: 'Earl Grey with Bergamot, 100 g', description: 'Black tea scented with bergamot oil from Calabria. Good with a slice of lemon.', price: 7.9, stock: 35, category: 'tea', icon: 'sun' },
      { name: 'Chamomile Night Blend, 50 g', description: 'Chamomile, lemon balm and lime blossom, caffeine free, for a quiet evening.', price: 6.4, stock: 30, category: 'tea', icon: 'moon' },
      { name: 'Single-Origin Coffee Beans, 250 g', description: 'Medium roast from a cooperative in Huila, Colombia: chocolate, red apple, a long finish.', price: 11.9, stock: 25, category: 'tea', icon: 'bolt' },
      { name: 'Cast-Iron Teapot, 0.8 l', description: 'Enamelled inside, with a stainless steel infuser. Keeps tea warm through a second cup.', price: 39, stock: 6, category: 'kitchen', icon: 'crown' },
      { name: 'Tea Tasting Gift Box', description: 'Six teas in tins of 25 g, from the lightest green to a smoky lapsang, with brewing notes.', price: 24.5, stock: 12, category: 'tea', icon: 'gift' },
    ],
  },
  {
    name: 'Olaria do Tejo',
    location: 'Lisbon, Alfama',
    products: [
      { name: 'Hand-Thrown Mug, Blue Glaze', description: 'Stoneware thrown on the wheel in our Alfama workshop; every glaze runs a little differently. 350 ml.', price: 16, stock: 24, category: 'kitchen', icon: 'heart' },
      { name: 'Stoneware Dinner Plate', description: 'A wide rim and a matt sand glaze, 27 cm across. Dishwasher and oven safe.', price: 19.5, stock: 30, category: 'kitchen', icon: 'circle' },
      { name: 'Large Serving Bowl', description: 'Deep enough for a salad for eight, 30 cm across, glazed in sea green.', price: 32, stock: 10, category: 'kitchen', icon: 'bullseye' },
      { name: 'Olive Oil Cruet', description: 'A small jug with a drip-free spout, for the oil on the table. 250 ml.', price: 14.5, stock: 18, category: 'kitchen', icon: 'star' },
      { name: 'Espresso Cups, Set of Four', description: 'Four thick-walled cups with saucers that keep a bica hot to the last sip.', price: 28, stock: 9, category: 'kitchen', icon: 'th-large' },
      { name: 'Terracotta Herb Pot', description: 'Unglazed terracotta with a drainage hole and saucer, for basil or parsley on a sill. 14 cm.', price: 12, stock: 20, category: 'garden', icon: 'sun' },
    ],
  },
  {
    name: 'Livraria Vento Norte',
    location: 'Braga, Centro',
    products: [
      { name: 'Lisbon on Foot', description: 'Twelve walks through the city’s hills and quarters, with maps, viewpoints and places to rest.', price: 18.9, stock: 15, category: 'books', icon: 'map' },
      { name: 'The Portuguese Kitchen', description: 'Over a hundred home recipes, from caldo verde to pastéis de nata, with photographs.', price: 27.5, stock: 12, category: 'books', icon: 'book' },
      { name: 'Poems of the Atlantic', description: 'A bilingual anthology of Portuguese poets of the sea, from Camões to Sophia.', price: 14, stock: 20, category: 'books', icon: 'bookmark' },
      { name: 'Linen Notebook, A5', description: '192 dotted pages of 100 g paper that takes fountain pen ink, sewn to open flat.', price: 9.9, stock: 50, category: 'books', icon: 'pencil' },
      { name: 'Fountain Pen, Forest Green', description: 'A steel medium nib and a converter for bottled ink; writes smooth from the first line.', price: 34, stock: 8, category: 'books', icon: 'pen-to-square' },
      { name: 'Star Atlas for Beginners', description: 'The night sky season by season, with charts for finding constellations by eye.', price: 22, stock: 10, category: 'books', icon: 'star' },
    ],
  },
  {
    name: 'Jardim da Sé',
    location: 'Coimbra, Baixa',
    products: [
      { name: 'Olive Tree Sapling', description: 'A three-year-old olive in a 5 l pot, about 80 cm tall. Loves sun, forgives neglect.', price: 29, stock: 8, category: 'garden', icon: 'sun' },
      { name: 'Lavender Plant', description: 'English lavender in a 13 cm pot; flowers from June and keeps the bees busy.', price: 9.5, stock: 25, category: 'garden', icon: 'sparkles' },
      { name: 'Basil Seed Kit', description: 'Seeds of three basils, peat-free compost and a recycled pot: a windowsill crop in six weeks.', price: 5.9, stock: 40, category: 'garden', icon: 'box' },
      { name: 'Watering Can, 2 l', description: 'Galvanised steel with a brass rose for a gentle shower on seedlings.', price: 21, stock: 12, category: 'garden', icon: 'cloud' },
      { name: 'Pruning Shears', description: 'Bypass secateurs with a carbon steel blade and a lock, for stems up to 2 cm.', price: 24, stock: 14, category: 'garden', icon: 'wrench' },
      { name: 'Succulent Trio', description: 'Three small succulents in glazed pots, for a bright windowsill. Water once a fortnight.', price: 15, stock: 3, category: 'garden', icon: 'star' },
    ],
  },
  {
    name: 'Atelier Luz',
    location: 'Lisbon, Chiado',
    products: [
      { name: 'Woven Pendant Lamp', description: 'A rattan shade, 45 cm across, that throws a warm, patterned light. Fitting and cable included.', price: 89, stock: 5, category: 'home', icon: 'lightbulb' },
      { name: 'Beeswax Candle, Tall', description: 'Hand-dipped in pure beeswax from the Serra da Estrela; burns about twelve hours.', price: 8, stock: 60, category: 'home', icon: 'moon' },
      { name: 'Cork Table Lamp', description: 'A base turned from Alentejo cork with a linen shade, 42 cm tall.', price: 64, stock: 7, category: 'home', icon: 'lightbulb' },
      { name: 'Linen Cushion Cover', description: 'Stonewashed linen, 45 × 45 cm, with a hidden zip. In the colour of wet sand.', price: 22, stock: 20, category: 'home', icon: 'home' },
      { name: 'Oak Wall Clock', description: 'A silent sweep movement in a solid oak face, 30 cm across.', price: 45, stock: 6, category: 'home', icon: 'clock' },
      { name: 'Wool Throw Blanket', description: 'Woven from Portuguese merino on an old loom, 130 × 180 cm.', price: 59, stock: 9, category: 'home', icon: 'heart' },
    ],
  },
  {
    name: 'Mercearia do Sol',
    location: 'Faro, Cidade Velha',
    products: [
      { name: 'Extra Virgin Olive Oil, 500 ml', description: 'Cold-pressed Cobrançosa olives from Trás-os-Montes: green, peppery, a touch of almond.', price: 12.5, stock: 40, category: 'pantry', icon: 'sun' },
      { name: 'Orange Blossom Honey, 250 g', description: 'Raw honey from hives among Algarve orange groves, light and floral.', price: 8.9, stock: 30, category: 'pantry', icon: 'sparkles' },
      { name: 'Sardines in Olive Oil', description: 'Hand-packed in Matosinhos, in a tin you will want to keep. 120 g.', price: 3.8, stock: 80, category: 'pantry', icon: 'shopping-bag' },
      { name: 'Fig Jam, 300 g', description: 'Algarve figs cooked slowly with a little lemon; good with cheese.', price: 5.5, stock: 35, category: 'pantry', icon: 'heart' },
      { name: 'Sea Salt Flakes, 125 g', description: 'Flor de sal raked by hand in the Ria Formosa salt pans.', price: 4.2, stock: 50, category: 'pantry', icon: 'star' },
      { name: 'Almond Biscuits', description: 'Baked this morning with Algarve almonds and orange zest: the last few of the batch.', price: 6.2, stock: 2, category: 'pantry', icon: 'gift' },
    ],
  },
]
