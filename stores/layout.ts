import { defineStore } from 'pinia'

/** Whether the navigation is shown: the drawer on narrow screens, the sidebar on wide ones. */
export const useLayoutStore = defineStore('layout', () => {
  const drawerOpen = ref(false)
  const sidebarHidden = ref(false)
  return { drawerOpen, sidebarHidden }
})
