/**
 * Never called. The DOCX workers load docx, docx/layout and mammoth by path at run time (see
 * export/packDocx.ts, import/runMammoth.ts), and nothing on the main thread imports them. Nitro
 * resolves every import of the server bundle at build time and copies the packages it sees as
 * externals into .output/server/node_modules; these dynamic imports are how it sees these three.
 */
export function workerDependencies(): Array<Promise<unknown>> {
  return [import('docx'), import('docx/layout'), import('mammoth')]
}
