/**
 * The plain editor of bench/editor.mjs: one Tiptap editor (@tiptap/core + starter-kit + tables),
 * no collaboration, no Chorus extensions, holding the report's text as HTML. Bundled for the
 * browser by editorBundle.mjs and served from loopback; the page calls `startPlainEditor(html)`.
 */
import { Editor } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { TableKit } from '@tiptap/extension-table'

window.startPlainEditor = (html) => {
  const element = document.getElementById('editor')
  window.plainEditor = new Editor({ element, extensions: [StarterKit, TableKit], content: html })
}
