/**
 * The browser's rendering of the suggestion marks: the same marks as the shared schema
 * (shared/editor/suggestionMarks.ts, same name, attributes and parsing, so the schema is
 * unchanged), drawn in their author's colour with a tooltip naming who suggested it.
 */
import type { DOMOutputSpec } from '@tiptap/pm/model'
import { Deletion, Insertion } from '#shared/editor/suggestionMarks'
import { suggestionColor } from './suggestionColor'
import { interfaceT } from '~~/utils/interfaceI18n'

function decorate(spec: DOMOutputSpec, attrs: Record<string, unknown>, kind: 'insertion' | 'deletion'): DOMOutputSpec {
  const [tag, html, hole] = spec as [string, Record<string, string>, 0]
  const name = attrs.wordAuthor ? interfaceT('tracked.inWord', { name: String(attrs.wordAuthor) }) : String(attrs.authorName ?? '')
  return [tag, { ...html, style: `--suggestion-color: ${suggestionColor(String(attrs.authorId ?? ''))}`, title: interfaceT(`tracked.${kind}By`, { name }) }, hole]
}

export const ColouredInsertion = Insertion.extend({
  renderHTML(props) {
    return decorate(this.parent!(props), props.mark.attrs, 'insertion')
  },
})

export const ColouredDeletion = Deletion.extend({
  renderHTML(props) {
    return decorate(this.parent!(props), props.mark.attrs, 'deletion')
  },
})
