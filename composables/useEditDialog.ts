/** An admin list's create-or-edit dialog: whether it is open, and the row it edits (null: a new one). */
export function useEditDialog<T>() {
  const open = ref(false)
  const editing = shallowRef<T | null>(null)

  function edit(row: T | null) {
    editing.value = row
    open.value = true
  }

  return { open, editing, edit }
}
