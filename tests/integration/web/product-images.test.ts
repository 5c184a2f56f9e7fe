import http from 'node:http'
import postgres from 'postgres'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { anonymous, seedStore, signedInAdmin } from '../../support/admin'
import { registeredCustomer } from '../../support/customer'
import type { Client } from '../../support/http'
import { badUploads, picture, pngBomb } from '../../support/images'

const sql = postgres(inject('databaseUrl'), { max: 2, onnotice: () => {} })
afterAll(() => sql.end({ timeout: 1 }))

let admin: Client
let productId: string
beforeAll(async () => {
  admin = await signedInAdmin()
  productId = (await seedStore(admin, undefined, [{ name: 'Teapot', stock: 5, price: 24 }])).productIds[0]!
})

const upload = (client: Client, id: string, body: Uint8Array | FormData, contentType?: string) =>
  client.request('POST', `/api/products/${id}/images`, { body, headers: contentType ? { 'content-type': contentType } : {} })

/** Rows of the product's images and of their renditions' bytes. */
async function storedRows(id: string) {
  const [row] = await sql<{ images: number, files: number }[]>`
    select (select count(*)::int from catalog.product_images where product_id = ${id}) as images,
           (select count(*)::int from catalog.image_files f join catalog.product_images i on i.id = f.image_id where i.product_id = ${id}) as files`
  return row!
}

async function newProduct() {
  return (await seedStore(admin, undefined, [{ name: 'Mug', stock: 3, price: 8 }])).productIds[0]!
}

describe('uploading product images', () => {
  it.each(['jpeg', 'png', 'webp'] as const)('takes a %s, keeps WebP renditions no wider than it, and shows it with the product', async (type) => {
    const id = await newProduct()
    const response = await upload(admin, id, await picture(type, 800, 600), `image/${type}`)
    expect(response.status).toBe(201)
    const image = response.data
    expect(image).toMatchObject({ width: 800, height: 600, src: `/images/${image.id}/640.webp` })
    expect(image.srcset).toBe(`/images/${image.id}/320.webp 320w, /images/${image.id}/640.webp 640w, /images/${image.id}/800.webp 800w`)
    expect(await storedRows(id)).toEqual({ images: 1, files: 3 })

    for (const width of [320, 640, 800]) {
      const file = await fetch(`${admin.baseUrl}/images/${image.id}/${width}.webp`)
      expect(file.headers.get('content-type')).toBe('image/webp')
      const metadata = await sharp(Buffer.from(await file.arrayBuffer())).metadata()
      expect({ format: metadata.format, width: metadata.width, height: metadata.height }).toEqual({ format: 'webp', width, height: width * 3 / 4 })
    }
    expect((await anonymous().get(`/api/products/${id}`)).data.images).toEqual([image])
    expect((await anonymous().get(`/api/products/${id}/images`)).data).toEqual([image])

    // HEAD answers as GET does, without the bytes.
    const get = await fetch(`${admin.baseUrl}/images/${image.id}/320.webp`)
    const head = await fetch(`${admin.baseUrl}/images/${image.id}/320.webp`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(['content-type', 'content-length', 'etag', 'cache-control'].map(name => head.headers.get(name)))
      .toEqual(['content-type', 'content-length', 'etag', 'cache-control'].map(name => get.headers.get(name)))
    expect((await head.arrayBuffer()).byteLength).toBe(0)
  })

  it('never enlarges a small picture', async () => {
    const id = await newProduct()
    const { data: image } = await upload(admin, id, await picture('png', 200, 100))
    expect(image).toMatchObject({ width: 200, height: 100, srcset: `/images/${image.id}/200.webp 200w` })
    expect((await fetch(`${admin.baseUrl}/images/${image.id}/320.webp`)).status).toBe(404)
  })

  it('turns a picture upright by its EXIF orientation and keeps none of its metadata', async () => {
    const id = await newProduct()
    const sideways = await sharp({ create: { width: 800, height: 400, channels: 3, background: '#2a9d8f' } })
      .jpeg().withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'secret', Artist: 'someone' } } }).toBuffer()
    const { data: image } = await upload(admin, id, sideways, 'image/jpeg')
    expect(image).toMatchObject({ width: 400, height: 800 })
    const file = Buffer.from(await (await fetch(`${admin.baseUrl}/images/${image.id}/400.webp`)).arrayBuffer())
    const metadata = await sharp(file).metadata()
    expect({ exif: metadata.exif, icc: metadata.icc, orientation: metadata.orientation }).toEqual({ exif: undefined, icc: undefined, orientation: undefined })
    expect(file.includes('secret')).toBe(false)
  })

  it('takes the file from a multipart form too', async () => {
    const id = await newProduct()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(await picture('jpeg', 400, 400))]), 'photo.jpg')
    expect((await upload(admin, id, form)).status).toBe(201)
    const empty = new FormData()
    empty.append('other', 'x')
    expect((await upload(admin, id, empty)).status).toBe(400)
  })
})

/**
 * POSTs a body with its Content-Length and reads the answer even when the server answers and closes
 * before the body is all sent (fetch then fails with EPIPE, losing the answer).
 */
function postDeclared(url: string, body: Buffer, cookie: string): Promise<{ status: number, body: string, connection?: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: { 'content-type': 'image/jpeg', 'content-length': body.length, cookie } }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => resolve({ status: response.statusCode!, body: text, connection: response.headers.connection }))
    })
    request.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    request.end(body)
  })
}

describe('refusing what is not a good picture, storing nothing', () => {
  it('refuses each bad upload with a clear 4xx', async () => {
    const bad = await badUploads()
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(bad.text)], { type: 'image/jpeg' }), 'holiday.jpg')
    const cases = [
      { name: 'a GIF', body: bad.gif, type: 'image/gif', status: 415, message: /GIF.*JPEG, PNG or WebP/ },
      { name: 'text sent as image/jpeg', body: bad.text, type: 'image/jpeg', status: 415, message: /not a JPEG, PNG or WebP image/ },
      { name: 'text named holiday.jpg in a form', body: form, type: undefined, status: 415, message: /not a JPEG, PNG or WebP image/ },
      { name: 'a truncated JPEG', body: bad.truncatedJpeg, type: 'image/jpeg', status: 422, message: /damaged or incomplete/ },
      { name: 'JPEG magic bytes, then garbage', body: bad.magicThenGarbage, type: 'image/jpeg', status: 422, message: /damaged or incomplete/ },
      { name: 'zero bytes', body: bad.empty, type: 'image/png', status: 422, message: /empty/ },
      { name: 'a decompression bomb', body: await pngBomb(), type: 'image/png', status: 422, message: /20000 × 20000 pixels/ },
    ]
    for (const { name, body, type, status, message } of cases) {
      const response = await upload(admin, productId, body, type)
      expect({ name, status: response.status }).toEqual({ name, status })
      expect(response.data.message).toMatch(message)
    }
    expect(await storedRows(productId)).toEqual({ images: 0, files: 0 })
  })

  it('refuses more than 10 MB with 413, declared or streamed, before reading it all', async () => {
    const tooBig = Buffer.concat([await picture('jpeg'), Buffer.alloc(10 * 1024 * 1024)])
    const declared = await postDeclared(`${admin.baseUrl}/api/products/${productId}/images`, tooBig, admin.cookieHeader)
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.body).message).toBe('The image is larger than 10 MB; upload a smaller one')
    expect(declared.connection).toBe('close')
    // Chunked: no length to refuse up front, so it is cut off once 10 MB have come in.
    const streamed = await fetch(`${admin.baseUrl}/api/products/${productId}/images`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', cookie: admin.cookieHeader },
      body: new Blob([new Uint8Array(tooBig)]).stream(),
      duplex: 'half',
      // The server answers and stops reading before the upload ends: fetch may see the 413, a reset,
      // or (on a loaded machine, seen once in CI) still be sending when the server has moved on.
      signal: AbortSignal.timeout(5000),
    } as RequestInit).catch((error: Error) => error)
    if (streamed instanceof Response) expect(streamed.status).toBe(413)
    expect(await storedRows(productId)).toEqual({ images: 0, files: 0 })
    // Whatever the client saw, the web kept nothing of it and answers the next request.
    expect((await admin.get(`/api/products/${productId}`)).status).toBe(200)
  })

  it('answers 404 for an unknown product, and stores nothing', async () => {
    const response = await upload(admin, '00000000-0000-4000-8000-000000000000', await picture('png', 50, 50))
    expect(response.status).toBe(404)
    expect((await upload(admin, 'not-a-uuid', await picture('png', 50, 50))).status).toBe(404)
  })

  it('lets only the admin upload, reorder and delete', async () => {
    const body = await picture('png', 50, 50)
    expect((await upload(anonymous(), productId, body)).status).toBe(401)
    const customer = (await registeredCustomer()).client
    expect((await upload(customer, productId, body)).status).toBe(403)
    const { data: image } = await upload(admin, productId, body)
    expect((await customer.delete(`/api/products/${productId}/images/${image.id}`)).status).toBe(403)
    expect((await customer.put(`/api/products/${productId}/images/order`, { imageIds: [image.id] })).status).toBe(403)
    expect((await admin.delete(`/api/products/${productId}/images/${image.id}`)).status).toBe(204)
    expect(await storedRows(productId)).toEqual({ images: 0, files: 0 })
  })
})

describe('serving renditions', () => {
  it('caches them for a year with a strong ETag, and answers 304 when it matches', async () => {
    const id = await newProduct()
    const { data: image } = await upload(admin, id, await picture('webp', 700, 700))
    const url = `${admin.baseUrl}/images/${image.id}/640.webp`
    const first = await fetch(url)
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[\w-]+"$/)
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await fetch(url, { headers: { 'if-none-match': ifNoneMatch } })
      expect({ ifNoneMatch, status: again.status }).toEqual({ ifNoneMatch, status: 304 })
      expect(again.headers.get('etag')).toBe(etag)
    }
    expect((await fetch(url, { headers: { 'if-none-match': '"other"' } })).status).toBe(200)
  })

  it('answers 404 for an unknown image, width or name', async () => {
    const id = await newProduct()
    const { data: image } = await upload(admin, id, await picture('png', 400, 300))
    for (const path of [
      '/images/00000000-0000-4000-8000-000000000000/320.webp',
      `/images/${image.id}/1280.webp`,
      `/images/${image.id}/320.png`,
      `/images/${image.id}/0320.webp`,
      `/images/${image.id}/abc.webp`,
      '/images/not-a-uuid/320.webp',
    ]) {
      expect({ path, status: (await fetch(`${admin.baseUrl}${path}`)).status }).toEqual({ path, status: 404 })
    }
  })
})

describe('managing a product\'s images', () => {
  it('reorders them (the first is the main picture) and deletes one', async () => {
    const id = await newProduct()
    const ids: string[] = []
    for (const colour of ['#111', '#555', '#999']) ids.push((await upload(admin, id, await picture('png', 100, 100, colour))).data.id)
    const reordered = await admin.put(`/api/products/${id}/images/order`, { imageIds: [ids[2], ids[0], ids[1]] })
    expect(reordered.status).toBe(200)
    expect(reordered.data.map((image: { id: string }) => image.id)).toEqual([ids[2], ids[0], ids[1]])
    expect((await anonymous().get(`/api/products/${id}`)).data.images[0].id).toBe(ids[2])
    expect((await admin.put(`/api/products/${id}/images/order`, { imageIds: [ids[0], ids[1]] })).status).toBe(400)
    expect((await admin.put(`/api/products/${id}/images/order`, { imageIds: [ids[0], ids[0], ids[1]] })).status).toBe(400)

    expect((await admin.delete(`/api/products/${id}/images/${ids[0]}`)).status).toBe(204)
    expect((await admin.delete(`/api/products/${id}/images/${ids[0]}`)).status).toBe(404)
    expect((await admin.delete(`/api/products/${productId}/images/${ids[1]}`)).status).toBe(404)
    expect((await fetch(`${admin.baseUrl}/images/${ids[0]}/100.webp`)).status).toBe(404)
    expect(await storedRows(id)).toEqual({ images: 2, files: 2 })
  })

  it('takes at most 12 images per product', async () => {
    const id = await newProduct()
    const body = await picture('png', 20, 20)
    for (let count = 0; count < 12; count++) expect((await upload(admin, id, body)).status).toBe(201)
    const thirteenth = await upload(admin, id, body)
    expect(thirteenth.status).toBe(409)
    expect(thirteenth.data.message).toMatch(/at most 12 images/)
  })

  it('leaves no rows behind when a product, several products or a store are deleted', async () => {
    const { storeId, productIds } = await seedStore(admin, undefined, [
      { name: 'One', stock: 1, price: 1 }, { name: 'Two', stock: 1, price: 1 }, { name: 'Three', stock: 1, price: 1 }, { name: 'Four', stock: 1, price: 1 },
    ])
    for (const id of productIds) await upload(admin, id, await picture('jpeg', 700, 500))
    expect(await storedRows(productIds[0]!)).toEqual({ images: 1, files: 3 })

    await admin.delete(`/api/products/${productIds[0]}`)
    await admin.post('/api/products/delete', { ids: [productIds[1]] })
    await admin.delete(`/api/stores/${storeId}`)
    for (const id of productIds) expect(await storedRows(id)).toEqual({ images: 0, files: 0 })
  })
})
