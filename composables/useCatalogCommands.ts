/** The admin's catalog commands. Each returns what the server returned, or throws its error. */
export function useCatalogCommands() {
  return {
    createStore: (draft: StoreDraft) => $fetch<StoreView>('/api/stores', { method: 'POST', body: draft }),
    rebrandStore: (id: string, draft: StoreDraft) => $fetch<StoreView>(`/api/stores/${id}`, { method: 'PATCH', body: draft }),
    removeStore: (id: string) => $fetch(`/api/stores/${id}`, { method: 'DELETE' }),
    setParticipating: (id: string, participating: boolean) =>
      $fetch<StoreView>(`/api/stores/${id}/participating`, { method: participating ? 'PUT' : 'DELETE' }),
    addProduct: (storeId: string, draft: ProductDraft) =>
      $fetch<ProductView>(`/api/stores/${storeId}/products`, { method: 'POST', body: draft }),
    updateProduct: (id: string, draft: ProductDraft) => $fetch<ProductView>(`/api/products/${id}`, { method: 'PATCH', body: draft }),
    removeProduct: (id: string) => $fetch(`/api/products/${id}`, { method: 'DELETE' }),
    removeProducts: (ids: string[]) => $fetch<{ deleted: string[] }>('/api/products/delete', { method: 'POST', body: { ids } }),
    // The file itself is the body; the server reads its type from its content, not from this header.
    addProductImage: (productId: string, file: File) =>
      $fetch<ProductImageView>(`/api/products/${productId}/images`, { method: 'POST', body: file, headers: { 'content-type': file.type || 'application/octet-stream' } }),
    reorderProductImages: (productId: string, imageIds: string[]) =>
      $fetch<ProductImageView[]>(`/api/products/${productId}/images/order`, { method: 'PUT', body: { imageIds } }),
    removeProductImage: (productId: string, imageId: string) => $fetch(`/api/products/${productId}/images/${imageId}`, { method: 'DELETE' }),
    createCategory: (draft: CategoryDraft) => $fetch<CategoryView>('/api/categories', { method: 'POST', body: draft }),
    renameCategory: (id: string, draft: CategoryDraft) => $fetch<CategoryView>(`/api/categories/${id}`, { method: 'PATCH', body: draft }),
    removeCategory: (id: string) => $fetch(`/api/categories/${id}`, { method: 'DELETE' }),
  }
}
