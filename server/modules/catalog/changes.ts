/**
 * The channel a trigger on catalog.stores and catalog.products notifies (migrations/010), once per
 * transaction that changed them, with an empty payload: whoever keeps a copy of the catalog drops it.
 */
export const CATALOG_CHANGED_CHANNEL = 'plaza_catalog_changed'
