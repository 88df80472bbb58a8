/**
 * Warms the Word exporter up once the server has started (server/docx/export/warmUp.ts), so the
 * first export is about as fast as the later ones. Off the request path: started after a short
 * delay, in the background; a failure is logged and changes nothing (the first export then pays).
 * `CHORUS_DOCX_WARMUP=0` switches it off.
 */
import { warmUpExport } from '../docx/export/warmUp'

export default defineNitroPlugin(() => {
  if (process.env.CHORUS_DOCX_WARMUP === '0') return
  const timer = setTimeout(() => {
    warmUpExport().catch((error: unknown) => console.warn('[export] warm-up failed', { error: String(error) }))
  }, 500)
  timer.unref()
})
