import { setResponseHeader } from 'h3'
import { exportReport } from '../../../docx/export/reportExport'

/** The report as a Word file, in section order, from the same schema the editor uses. */
export default defineEventHandler(async (event) => {
  const { buffer, warnings, baseName } = await exportReport(event, 'docx')
  setResponseHeader(event, 'Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
  setResponseHeader(event, 'Content-Disposition', `attachment; filename="${baseName}.docx"`)
  setResponseHeader(event, 'X-Chorus-Export-Warnings', String(warnings))
  return buffer
})
