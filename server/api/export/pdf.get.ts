import { pdfAvailability } from '../../pdf/docxToPdf'
import { requireUser } from '../../utils/session'

/** Can this server make PDFs, and how? The export dialog asks before offering the button. */
export default defineEventHandler(async (event) => {
  await requireUser(event)
  return pdfAvailability()
})
