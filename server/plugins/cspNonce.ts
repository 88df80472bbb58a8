/**
 * Content-Security-Policy for rendered pages. Nuxt inlines a few scripts (its config, the colour
 * mode); each gets this response's nonce, so no other inline script can run. Styles may be
 * inline (Vue binds style attributes). Nothing is loaded from another host: fonts and icons are bundled.
 */
import { randomBytes } from 'node:crypto'

export default defineNitroPlugin((nitroApp) => {
  if (import.meta.dev) return
  nitroApp.hooks.hook('render:html', (html, { event }) => {
    const nonce = randomBytes(16).toString('base64')
    const addNonce = (chunk: string) => chunk.replace(/<script(?![^>]*\bnonce=)/g, `<script nonce="${nonce}"`)
    html.head = html.head.map(addNonce)
    html.bodyPrepend = html.bodyPrepend.map(addNonce)
    html.body = html.body.map(addNonce)
    html.bodyAppend = html.bodyAppend.map(addNonce)
    event.node.res.setHeader('Content-Security-Policy', [
      `default-src 'self'`,
      `script-src 'self' 'nonce-${nonce}'`,
      `style-src 'self' 'unsafe-inline'`,
      `img-src 'self' data: blob:`,
      `font-src 'self' data:`,
      // data: and https: so a picture copied from a web page can be fetched by the BROWSER and
      // stored as a figure (the server never fetches a URL for anyone; composables/editor/figurePasteDrop.ts).
      `connect-src 'self' data: https:`,
      `worker-src 'self' blob:`,
      `object-src 'none'`,
      `base-uri 'self'`,
      `form-action 'self'`,
      `frame-ancestors 'none'`,
    ].join('; '))
  })
})
