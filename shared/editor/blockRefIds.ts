/**
 * `refId` on paragraphs and headings: a short random id set only when something refers to the
 * block (a cross-reference), rendered as `data-ref-id`. Not kept on split: the half after Enter
 * is a new block, and two blocks with one id would make a reference ambiguous.
 * (Figures and recommendations declare their own `refId`.)
 *
 * For the same reason a paste drops each `refId` the document still holds: a copied block is a
 * new block, while a cut one (gone from the document when it is pasted) keeps its id, so the
 * references to it follow it, as Word's bookmarks follow a cut paragraph.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Fragment, Slice } from '@tiptap/pm/model'
import type { Node as PMNode } from '@tiptap/pm/model'

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
  addProseMirrorPlugins() {
    return [new Plugin({
      key: new PluginKey('blockRefIdsOnPaste'),
      props: {
        transformPasted: (slice, view) => {
          const held = new Set<string>()
          view.state.doc.descendants((node) => {
            if (typeof node.attrs.refId === 'string') held.add(node.attrs.refId)
          })
          return held.size ? new Slice(withoutRefIds(slice.content, held), slice.openStart, slice.openEnd) : slice
        },
      },
    })]
  },
})

/** `content` with every `refId` found in `held` set to null. */
export function withoutRefIds(content: Fragment, held: Set<string>): Fragment {
  const nodes: PMNode[] = []
  content.forEach((node) => {
    const inner = node.isLeaf ? node.content : withoutRefIds(node.content, held)
    const clash = typeof node.attrs.refId === 'string' && held.has(node.attrs.refId)
    nodes.push(clash || inner !== node.content ? node.type.create(clash ? { ...node.attrs, refId: null } : node.attrs, inner, node.marks) : node)
  })
  return Fragment.fromArray(nodes)
}
