/**
 * Where to go after signing in: the `next` path when it stays on this site, else the home view,
 * so a crafted link cannot send someone elsewhere with their fresh session.
 */
export function nextPath(next: string | null, origin: string): string {
  if (!next?.startsWith('/')) return '/'
  let url: URL
  try {
    url = new URL(next, origin)
  } catch {
    return '/'
  }
  if (url.origin !== origin || url.pathname === '/sign-in') return '/'
  return `${url.pathname}${url.search}${url.hash}`
}
