/**
 * What the export bench scripts need from the TypeScript sources; bundled by exportBundle.mjs
 * (plain Node cannot resolve `#shared/...` or extensionless imports).
 */
export { exportDocx } from '../../server/docx/export/exportDocx'
export { reportExportInput, reportExportInputAsync } from '../../server/docx/fromYDoc'
export { largeReport, reportYDoc, sampleReport } from '../../tests/fixtures-gen/sampleReport'
export { figureReport } from '../../tests/fixtures-gen/figureReport'
export { docxToPdf } from '../../server/pdf/docxToPdf'
