/**
 * The extensions of one section's editor in the browser: the shared schema (chorusExtensions)
 * plus collaboration on the section's Y.XmlFragment, other people's carets, placeholders,
 * report-wide footnote numbers and Word-like shortcuts.
 */
import { interfaceT } from '~~/utils/interfaceI18n'
import type * as Y from 'yjs'
import type { AnyExtension } from '@tiptap/core'
import type { WebsocketProvider } from 'y-websocket'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Placeholder } from '@tiptap/extensions'
import { chorusExtensions } from '#shared/editor/extensions'
import { sectionFragmentName } from '#shared/docNames'
import { FootnoteNumbering } from './footnoteNumbering'
import { WordShortcuts } from './wordShortcuts'
import { SuggestingMode } from './suggestingMode'
import type { SuggestingModeOptions } from './suggestingMode'
import { ColouredDeletion, ColouredInsertion } from './colouredSuggestionMarks'
import { DELETION, INSERTION } from '#shared/editor/suggestionMarks'
import { FindHighlights } from '#shared/editor/findReplace'
import { UnSymbolLinks } from '#shared/editor/unSymbols'
import { RECOMMENDATION } from '#shared/editor/recommendation'
import type { RecommendationKind } from '#shared/editor/recommendation'
import { RecommendationView } from './recommendationView'
import { RecommendationNumbering } from './recommendationNumbering'
import { FIGURE } from '#shared/editor/figure'
import type { Figures } from '~/composables/useFigures'
import { FigureView } from './figureView'
import { FigureNumbering } from './figureNumbering'
import { FigurePasteDrop } from './figurePasteDrop'
import { CROSS_REFERENCE } from '#shared/editor/crossReference'
import { CrossReferenceKeys, CrossReferenceView } from './crossReferenceView'

export interface SectionEditorContext {
  doc: Y.Doc
  provider: WebsocketProvider
  sectionId: string
  user: { id: string, name: string, color: string }
  onLinkRequest: () => void
  /** Suggesting mode (composables/editor/suggestingMode.ts), without the author (taken from `user`). */
  suggesting: Omit<SuggestingModeOptions, 'author'>
  /** The block Ctrl+Alt+R inserts: the report template's kind (recommendation or question). */
  blockKind: () => RecommendationKind
  /** The report page's figures (composables/useFigures.ts): pictures shown, pasted, dropped, uploaded. */
  figures?: () => Figures | null
}

/** A caret with the person's name; the label is `aria-hidden` (screen readers get the text only). */
function renderCaret(user: Record<string, string>): HTMLElement {
  const caret = document.createElement('span')
  caret.className = 'collaboration-carets__caret'
  caret.style.borderColor = user.color ?? '#64748b'
  // editor.css lightens the caret line in the dark theme from this (the label keeps the colour: white text on it).
  caret.style.setProperty('--caret-color', user.color ?? '#64748b')
  const label = document.createElement('span')
  label.className = 'collaboration-carets__label'
  label.style.backgroundColor = user.color ?? '#64748b'
  label.setAttribute('aria-hidden', 'true')
  label.textContent = user.name ?? ''
  caret.append(label)
  return caret
}

export function sectionEditorExtensions(ctx: SectionEditorContext): AnyExtension[] {
  return [
    // The suggestion marks drawn in their author's colour (same schema).
    ...chorusExtensions().filter(e => e.name !== INSERTION && e.name !== DELETION && e.name !== RECOMMENDATION && e.name !== FIGURE && e.name !== CROSS_REFERENCE),
    ColouredInsertion,
    ColouredDeletion,
    Collaboration.configure({ document: ctx.doc, field: sectionFragmentName(ctx.sectionId) }),
    CollaborationCaret.configure({ provider: ctx.provider, user: { ...ctx.user }, render: renderCaret }),
    // One text; editor.css shows it only in an empty section ("Nothing written yet." when
    // read-only) and, as "Footnote text", in an empty note. (A placeholder callback must not read
    // editor.state: it runs before the new state is set.)
    Placeholder.configure({ includeChildren: true, showOnlyWhenEditable: false, placeholder: () => interfaceT('sectionBody.placeholder') }),
    FootnoteNumbering,
    // Recommendation and question blocks drawn as labelled boxes, numbered across the report.
    RecommendationView.configure({ kind: ctx.blockKind, locked: ctx.suggesting.isOn }),
    RecommendationNumbering,
    // Figures: picture, number, caption and tools; pictures pasted or dropped become figures.
    FigureView.configure({ sectionId: ctx.sectionId, locked: ctx.suggesting.isOn, onLockedEdit: () => ctx.figures?.()?.lockedWhileSuggesting() }),
    FigureNumbering,
    FigurePasteDrop.configure({ sectionId: ctx.sectionId, figures: ctx.figures ?? (() => null) }),
    // Cross-references drawn with their live number (same schema), Ctrl+Alt+X to insert one.
    CrossReferenceView.configure({ doc: ctx.doc }),
    CrossReferenceKeys,
    WordShortcuts.configure({ onLinkRequest: ctx.onLinkRequest }),
    SuggestingMode.configure({ ...ctx.suggesting, author: { id: ctx.user.id, name: ctx.user.name } }),
    // The report-wide find bar's matches (composables/useFindReplace.ts).
    FindHighlights,
    // UN document symbols become links to the UN's document system as they are typed.
    UnSymbolLinks,
  ]
}
