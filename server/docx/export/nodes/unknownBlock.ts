/** Any block the exporter does not know → a plain paragraph with its text, and a warning: never a failed export. */
import { D, type DocxDesc } from '../docxDesc'
import { plainText } from '../positions'
import type { BlockEnv, RenderContext } from '../renderContext'
import type { PMNode } from '../../types'

/** Renders an unknown block node as plain text. */
export function renderUnknownBlock(node: PMNode, _pos: number, ctx: RenderContext, env: BlockEnv): DocxDesc[] {
  ctx.warn(`Unsupported block “${node.type}” exported as plain text`)
  const text = plainText(node)
  return text ? [D.Paragraph({ style: env.style, children: [D.TextRun(text)] })] : []
}
