/**
 * `refId` on paragraphs and headings: a short random id set only when something refers to the
 * block (a cross-reference), rendered as `data-ref-id`. Not kept on split: the half after Enter
 * is a new block, and two blocks with one id would make a reference ambiguous.
 * (Figures and recommendations declare their own `refId`.)
 */
import { Extension } from '@tiptap/core'

export const BlockRefIds = Extension.create({
  name: 'blockRefIds',
  addGlobalAttributes: () => [{
    types: ['paragraph', 'heading'],
    attributes: {
      refId: {
        default: null,
        keepOnSplit: false,
        parseHTML: el => el.getAttribute('data-ref-id') || null,
        renderHTML: attrs => (attrs.refId ? { 'data-ref-id': attrs.refId } : {}),
      },
    },
  }],
})
