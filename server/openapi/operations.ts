import { z } from 'zod'
import { IMAGE_MAX_BYTES, IMAGES_PER_PRODUCT_MAX } from '../../shared/limits'
import { bulkDelete, catalogPageQuery, catalogQuery, categoryInput, imageOrder, productInput, productPatch, storeInput, storePatch } from '../modules/catalog'
import { codeRedemption, codeRequest, customerCredentials, customerInput, passwordChange } from '../modules/customers'
import { paymentInput } from '../modules/payments'
import { asOfQuery, customerOrdersQuery, eventExportQuery, eventListQuery, orderExportQuery, orderListQuery, placeOrderInput } from '../modules/ordering'
import { catalogEntry, catalogPage, category, cursorPage, customer, customerWithCounts, health, order, orderEvent, page, passkey, passkeyCeremony, payment, pipeline, product, productImage, session, store } from './schemas'

export type Access = 'anyone' | 'admin' | 'signed-in'

export interface Operation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  path: string
  summary: string
  tag: string
  access: Access
  query?: z.ZodObject
  body?: z.ZodType
  status: number
  response?: z.ZodType
  /** A request body that is not JSON (an upload): the media types it may come as, and no schema. */
  accepts?: string[]
  /** A response that is not JSON (a download) has its media type here and no schema. */
  produces?: 'text/csv'
  /** Status codes besides the ones every route may answer (400 on bad input, 503 while the database is down). */
  errors: number[]
}

const adminLogin = z.strictObject({ password: z.string().min(1) })
const changed = z.object({ changed: z.literal(true) })

/** Every route of the HTTP API, in the order the docs show them. */
export const operations: Operation[] = [
  { method: 'post', path: '/api/auth/admin', tag: 'Sessions', summary: 'Sign in as the admin', access: 'anyone', body: adminLogin, status: 200, response: z.object({ role: z.literal('admin') }), errors: [401, 415, 429] },
  { method: 'put', path: '/api/auth/admin/password', tag: 'Sessions', summary: "Change the admin password (400 when currentPassword is wrong); it then wins over PLAZA_ADMIN_PASSWORD, and the admin's other sessions end", access: 'admin', body: passwordChange, status: 200, response: changed, errors: [415] },
  { method: 'get', path: '/api/auth/session', tag: 'Sessions', summary: 'Who the caller is', access: 'anyone', status: 200, response: session, errors: [] },
  { method: 'delete', path: '/api/auth/session', tag: 'Sessions', summary: 'Sign out: the session ends on every replica, copies of its cookie included', access: 'anyone', status: 200, response: session, errors: [] },
  { method: 'delete', path: '/api/auth/sessions', tag: 'Sessions', summary: 'Sign out everywhere: every session of the admin, or of this customer', access: 'signed-in', status: 200, response: session.extend({ ended: z.number().int() }), errors: [] },
  { method: 'post', path: '/api/auth/customer', tag: 'Sessions', summary: 'Sign a customer in with phone and password', access: 'anyone', body: customerCredentials, status: 200, response: customer, errors: [401, 415, 429] },
  { method: 'post', path: '/api/auth/passkey', tag: 'Sessions', summary: 'Sign a customer in with a passkey (WebAuthn): { verify: false } answers requestOptions and attemptId; { verify: true, attemptId, response } signs in', access: 'anyone', body: passkeyCeremony, status: 200, errors: [401, 415, 429] },
  { method: 'post', path: '/api/auth/password-reset', tag: 'Sessions', summary: "Send a one-time code to the phone's account, to set a first password or reset it (the demo writes it to the web's log). The same 202 whether or not the account exists", access: 'anyone', body: codeRequest, status: 202, response: z.object({ sent: z.literal(true), expiresInSeconds: z.number().int() }), errors: [415, 429] },
  { method: 'post', path: '/api/auth/password-reset/confirm', tag: 'Sessions', summary: "Set the password with the code (single use; expires; a few wrong tries burn it), end the account's other sessions and sign in", access: 'anyone', body: codeRedemption, status: 200, response: customer, errors: [401, 409, 415, 429] },

  { method: 'put', path: '/api/account/password', tag: 'Account', summary: "Change the signed-in customer's password (400 when currentPassword is wrong); their other sessions end", access: 'signed-in', body: passwordChange, status: 200, response: changed, errors: [403, 415] },
  { method: 'get', path: '/api/account/passkeys', tag: 'Account', summary: "The signed-in customer's passkeys", access: 'signed-in', status: 200, response: z.array(passkey), errors: [403] },
  { method: 'post', path: '/api/account/passkeys', tag: 'Account', summary: 'Register a passkey (WebAuthn): { verify: false, user } answers creationOptions and attemptId; { verify: true, user, attemptId, response } saves it', access: 'signed-in', body: passkeyCeremony, status: 200, errors: [403, 415] },
  { method: 'delete', path: '/api/account/passkeys/{id}', tag: 'Account', summary: 'Remove one of your passkeys', access: 'signed-in', status: 204, errors: [403, 404] },

  { method: 'post', path: '/api/customers', tag: 'Customers', summary: 'Register as a customer with a password, and be signed in (409 when an account already signs in with the phone)', access: 'anyone', body: customerInput, status: 201, response: customer, errors: [409, 415] },
  { method: 'get', path: '/api/customers', tag: 'Customers', summary: 'Every customer, with how many orders and payment authorizations each has', access: 'admin', status: 200, response: z.array(customerWithCounts), errors: [] },
  { method: 'get', path: '/api/customers/{id}', tag: 'Customers', summary: 'A customer account (the customer themselves, or the admin)', access: 'signed-in', status: 200, response: customer, errors: [404] },
  { method: 'get', path: '/api/customers/{id}/payments', tag: 'Customers', summary: "A customer's payment authorizations (the customer themselves, or the admin)", access: 'signed-in', status: 200, response: z.array(payment), errors: [404] },

  { method: 'post', path: '/api/payments', tag: 'Payments', summary: 'Authorize a mock payment for yourself', access: 'signed-in', body: paymentInput, status: 201, response: payment, errors: [403, 404, 415] },
  { method: 'get', path: '/api/payments/{id}', tag: 'Payments', summary: 'A payment authorization (its customer, or the admin)', access: 'signed-in', status: 200, response: payment, errors: [404] },

  { method: 'get', path: '/api/stores', tag: 'Stores', summary: 'All stores', access: 'anyone', query: catalogQuery.pick({ participating: true }), status: 200, response: z.array(store), errors: [] },
  { method: 'post', path: '/api/stores', tag: 'Stores', summary: 'Create a store', access: 'admin', body: storeInput, status: 201, response: store, errors: [415] },
  { method: 'get', path: '/api/stores/{id}', tag: 'Stores', summary: 'One store', access: 'anyone', status: 200, response: store, errors: [404] },
  { method: 'patch', path: '/api/stores/{id}', tag: 'Stores', summary: 'Rebrand a store (rename, relocate, confirmation delay)', access: 'admin', body: storePatch, status: 200, response: store, errors: [404, 415] },
  { method: 'delete', path: '/api/stores/{id}', tag: 'Stores', summary: 'Remove a store and its products', access: 'admin', status: 204, errors: [404] },
  { method: 'put', path: '/api/stores/{id}/participating', tag: 'Stores', summary: 'Let the store take part in shopping', access: 'admin', status: 200, response: store, errors: [404] },
  { method: 'delete', path: '/api/stores/{id}/participating', tag: 'Stores', summary: 'Take the store out of shopping', access: 'admin', status: 200, response: store, errors: [404] },

  { method: 'get', path: '/api/stores/{id}/products', tag: 'Products', summary: "A store's products", access: 'anyone', status: 200, response: z.array(product), errors: [404] },
  { method: 'post', path: '/api/stores/{id}/products', tag: 'Products', summary: 'Add a product to a store (422 when categoryId names no category)', access: 'admin', body: productInput, status: 201, response: product, errors: [404, 415, 422] },
  { method: 'get', path: '/api/catalog', tag: 'Products', summary: 'One page of what participating stores sell, searched (full text, typos and accents forgiven) and filtered by category and store, with facet counts; keyset pages through nextCursor. Carries an ETag: If-None-Match answers 304 while the catalog is unchanged', access: 'anyone', query: catalogPageQuery, status: 200, response: catalogPage, errors: [] },
  { method: 'get', path: '/api/products', tag: 'Products', summary: 'The whole catalog across stores in one answer, with store name and location (the admin and scripts; shoppers page through /api/catalog). Carries an ETag: If-None-Match answers 304 while the catalog is unchanged', access: 'anyone', query: catalogQuery, status: 200, response: z.array(catalogEntry), errors: [] },
  { method: 'get', path: '/api/products/{id}', tag: 'Products', summary: 'One product', access: 'anyone', status: 200, response: product, errors: [404] },
  { method: 'patch', path: '/api/products/{id}', tag: 'Products', summary: 'Edit a product (categoryId null takes it out of its category; 422 when it names no category)', access: 'admin', body: productPatch, status: 200, response: product, errors: [404, 415, 422] },
  { method: 'delete', path: '/api/products/{id}', tag: 'Products', summary: 'Delete a product', access: 'admin', status: 204, errors: [404] },
  { method: 'get', path: '/api/products/{id}/images', tag: 'Products', summary: "A product's images, in order; each is served at /images/{imageId}/{width}.webp (public, cached for a year, strong ETag)", access: 'anyone', status: 200, response: z.array(productImage), errors: [404] },
  { method: 'post', path: '/api/products/{id}/images', tag: 'Products', summary: `Upload an image (up to ${IMAGE_MAX_BYTES / 1024 / 1024} MB, ${IMAGES_PER_PRODUCT_MAX} per product): the body is the file itself, or a multipart form with it in the field "file". Its type is read from its content: JPEG, PNG or WebP (415 otherwise); 422 when empty, damaged or over 50 megapixels; 409 when the product has ${IMAGES_PER_PRODUCT_MAX} already. Kept as WebP 320, 640 and 1280 px wide (never enlarged)`, access: 'admin', accepts: ['image/jpeg', 'image/png', 'image/webp', 'multipart/form-data'], status: 201, response: productImage, errors: [404, 409, 413, 415, 422] },
  { method: 'put', path: '/api/products/{id}/images/order', tag: 'Products', summary: "Reorder a product's images: imageIds lists every one of them, the main picture first", access: 'admin', body: imageOrder, status: 200, response: z.array(productImage), errors: [404, 415] },
  { method: 'delete', path: '/api/products/{id}/images/{imageId}', tag: 'Products', summary: 'Delete one of the product\'s images and every rendition of it', access: 'admin', status: 204, errors: [404] },
  { method: 'post', path: '/api/products/delete', tag: 'Products', summary: 'Delete several products; unknown ids are skipped', access: 'admin', body: bulkDelete, status: 200, response: z.object({ deleted: z.array(z.uuid()) }), errors: [415] },

  { method: 'get', path: '/api/categories', tag: 'Categories', summary: 'Every category by name, with how many products each holds', access: 'anyone', status: 200, response: z.array(category), errors: [] },
  { method: 'post', path: '/api/categories', tag: 'Categories', summary: 'Create a category (409 when one of that name exists, ignoring case)', access: 'admin', body: categoryInput, status: 201, response: category, errors: [409, 415] },
  { method: 'patch', path: '/api/categories/{id}', tag: 'Categories', summary: 'Rename a category (409 when another has that name)', access: 'admin', body: categoryInput, status: 200, response: category, errors: [404, 409, 415] },
  { method: 'delete', path: '/api/categories/{id}', tag: 'Categories', summary: 'Delete a category; its products stay, in no category', access: 'admin', status: 204, errors: [404] },

  { method: 'post', path: '/api/orders', tag: 'Orders', summary: 'Place an order (prices come from the catalog). Header Idempotency-Key: a retry with the same body returns the first order with 200; the same key with another body is 422; keys expire after PLAZA_IDEMPOTENCY_KEY_TTL_SECONDS (24 h)', access: 'signed-in', body: placeOrderInput, status: 201, response: order, errors: [403, 404, 409, 415, 422] },
  { method: 'get', path: '/api/orders', tag: 'Orders', summary: 'Latest state of every order, filtered and paginated', access: 'admin', query: orderListQuery, status: 200, response: page(order), errors: [] },
  { method: 'get', path: '/api/orders/export.csv', tag: 'Orders', summary: 'Every order the filters match (no paging), as a CSV download', access: 'admin', query: orderExportQuery, status: 200, produces: 'text/csv', errors: [] },
  { method: 'get', path: '/api/orders/{id}', tag: 'Orders', summary: 'One order now, or replayed as of ?version= or ?at=', access: 'signed-in', query: asOfQuery, status: 200, response: order, errors: [404] },
  { method: 'get', path: '/api/orders/{id}/events', tag: 'Orders', summary: "The order's events, with what caused each", access: 'signed-in', status: 200, response: z.array(orderEvent), errors: [404] },
  { method: 'get', path: '/api/orders/{id}/live', tag: 'Orders', summary: 'Server-sent events: event "order" with the state now and after every change (id = version)', access: 'signed-in', status: 200, errors: [404] },
  { method: 'post', path: '/api/orders/{id}/pay', tag: 'Orders', summary: 'Pay an accepted order: it becomes delivered (the customer only)', access: 'signed-in', status: 200, response: order, errors: [403, 404, 409] },
  { method: 'post', path: '/api/orders/{id}/cancel', tag: 'Orders', summary: 'Cancel a pending or accepted order (the customer or the admin); a rejected, delivered or cancelled one is 409', access: 'signed-in', status: 200, response: order, errors: [404, 409] },
  { method: 'get', path: '/api/customers/{id}/orders', tag: 'Customers', summary: "A customer's orders, newest first, a page at a time: pass the page's nextCursor as ?cursor= for the next (the customer themselves, or the admin)", access: 'signed-in', query: customerOrdersQuery, status: 200, response: cursorPage(order), errors: [404] },
  { method: 'get', path: '/api/order-events', tag: 'Orders', summary: 'Every event of every order: the event-sourcing view', access: 'admin', query: eventListQuery, status: 200, response: page(orderEvent), errors: [] },
  { method: 'get', path: '/api/order-events/export.csv', tag: 'Orders', summary: 'Every event the filters match (no paging), as a CSV download; data is the payload as JSON', access: 'admin', query: eventExportQuery, status: 200, produces: 'text/csv', errors: [] },

  { method: 'get', path: '/api/pipeline', tag: 'Operations', summary: 'Consumers (pending, in flight, redelivered), outbox lag and dead letters', access: 'admin', status: 200, response: pipeline, errors: [] },
  { method: 'post', path: '/api/pipeline/dead-letters/{id}/redrive', tag: 'Operations', summary: 'Publish a dead letter again', access: 'admin', status: 200, response: z.object({ redriven: z.uuid() }), errors: [404, 409] },
  { method: 'get', path: '/api/health', tag: 'Operations', summary: 'Readiness: reachability of PostgreSQL and NATS (503 when either is down)', access: 'anyone', status: 200, response: health, errors: [] },
  { method: 'get', path: '/api/health/live', tag: 'Operations', summary: 'Liveness: the process answers', access: 'anyone', status: 200, response: z.object({ status: z.literal('live'), uptimeSeconds: z.number().int() }), errors: [] },
  { method: 'get', path: '/api/openapi.json', tag: 'Operations', summary: 'This document', access: 'anyone', status: 200, errors: [] },
]
