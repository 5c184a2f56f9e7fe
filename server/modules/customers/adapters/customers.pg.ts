import type { Sql } from '../../../platform/db'
import type { Customer, PhoneAccount } from '../customer'

const CUSTOMER_COLUMNS = ['id', 'name', 'phone', 'created_at']

export async function insertCustomer(db: Sql, input: { name: string, phone: string, passwordHash: string }): Promise<Customer> {
  const [customer] = await db<Customer[]>`
    insert into customers.customers (name, phone, password_hash)
    values (${input.name}, ${input.phone}, ${input.passwordHash})
    returning ${db(CUSTOMER_COLUMNS)}`
  return customer!
}

export async function selectCustomer(db: Sql, id: string): Promise<Customer | undefined> {
  const [customer] = await db<Customer[]>`select ${db(CUSTOMER_COLUMNS)} from customers.customers where id = ${id}`
  return customer
}

/** The account that signs in with this (normalized) phone, with its password hash. */
export async function selectSignIn(db: Sql, phone: string): Promise<(Customer & { passwordHash: string }) | undefined> {
  const [customer] = await db<(Customer & { passwordHash: string })[]>`
    select ${db(CUSTOMER_COLUMNS)}, password_hash from customers.customers
    where phone = ${phone} and password_hash is not null`
  return customer
}

export async function selectPasswordHash(db: Sql, id: string): Promise<string | undefined> {
  const [row] = await db<{ passwordHash: string | null }[]>`select password_hash from customers.customers where id = ${id}`
  return row?.passwordHash ?? undefined
}

export async function selectPhoneAccounts(db: Sql, phone: string): Promise<PhoneAccount[]> {
  return db<PhoneAccount[]>`
    select id, password_hash is not null as has_password from customers.customers
    where phone = ${phone} order by created_at, id`
}

/** Sets the password; a unique violation means another account signs in with this phone. */
export async function updatePasswordHash(db: Sql, id: string, passwordHash: string): Promise<Customer | undefined> {
  const [customer] = await db<Customer[]>`
    update customers.customers set password_hash = ${passwordHash} where id = ${id}
    returning ${db(CUSTOMER_COLUMNS)}`
  return customer
}

export async function selectCustomers(db: Sql): Promise<Customer[]> {
  return db<Customer[]>`select ${db(CUSTOMER_COLUMNS)} from customers.customers order by created_at, id`
}
