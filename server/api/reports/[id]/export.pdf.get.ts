import { setResponseHeader } from 'h3'
import { exportReport } from '../../../docx/export/reportExport'
import { PdfConversionError, docxToPdf, pdfConverter } from '../../../pdf/docxToPdf'
import { apiError } from '../../../utils/errors'

/**
 * The report as a PDF: the same Word file as export.docx, with the same options, converted by
 * LibreOffice here or by Gotenberg (server/pdf/docxToPdf.ts). 503 when the server has neither.
 */
export default defineEventHandler(async (event) => {
  // Once allowed, before any work: a server without a converter says so at once.
  const { reportId, buffer, baseName } = await exportReport(event, 'pdf', async () => {
    if (!(await pdfConverter())) throw apiError('pdfUnavailable')
  })
  let pdf: Buffer | null
  try {
    pdf = await docxToPdf(buffer, `${baseName}.docx`)
  } catch (error) {
    if (!(error instanceof PdfConversionError)) throw error
    console.error('[export] PDF conversion failed', { reportId, reason: error.message })
    throw apiError('pdfFailed')
  }
  if (!pdf) throw apiError('pdfUnavailable')
  setResponseHeader(event, 'Content-Type', 'application/pdf')
  setResponseHeader(event, 'Content-Disposition', `attachment; filename="${baseName}.pdf"`)
  return pdf
})
