import type { Sql } from '../../../platform/db'
import type { Customer } from '../customer'
import type { CustomerInput } from '../schemas'

const CUSTOMER_COLUMNS = ['id', 'name', 'phone', 'created_at']

export async function insertCustomer(db: Sql, input: CustomerInput): Promise<Customer> {
  const [customer] = await db<Customer[]>`
    insert into customers.customers (name, phone)
    values (${input.name}, ${input.phone})
    returning ${db(CUSTOMER_COLUMNS)}`
  return customer!
}

export async function selectCustomer(db: Sql, id: string): Promise<Customer | undefined> {
  const [customer] = await db<Customer[]>`select ${db(CUSTOMER_COLUMNS)} from customers.customers where id = ${id}`
  return customer
}

/** The customer with this id and this (normalized) phone, or undefined. */
export async function selectCustomerByCredentials(db: Sql, id: string, phone: string): Promise<Customer | undefined> {
  const [customer] = await db<Customer[]>`
    select ${db(CUSTOMER_COLUMNS)} from customers.customers
    where id = ${id} and phone = ${phone}`
  return customer
}

export async function selectCustomers(db: Sql): Promise<Customer[]> {
  return db<Customer[]>`select ${db(CUSTOMER_COLUMNS)} from customers.customers order by created_at, id`
}
