/** Every page: an empty workspace leads to setup; a signed-out visitor to sign-in (invitation links excepted). */
import { useSessionStore } from '~/stores/session'

const PUBLIC = ['/login', '/setup']

export default defineNuxtRouteMiddleware(async (to) => {
  const session = useSessionStore()
  await session.load()
  if (session.needsSetup) return to.path === '/setup' ? undefined : navigateTo('/setup')
  if (to.path === '/setup') return navigateTo(session.user ? '/' : '/login')
  if (!session.user && !PUBLIC.includes(to.path) && !to.path.startsWith('/invite/')) {
    return navigateTo({ path: '/login', query: to.fullPath !== '/' ? { next: to.fullPath } : {} })
  }
  if (session.user && to.path === '/login') return navigateTo('/')
})
