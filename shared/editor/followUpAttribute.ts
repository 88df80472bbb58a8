/**
 * `followUp` on paragraphs and recommendations: the link of a block to one recommendation of the
 * Committee's previous concluding observations and the coalition's assessment of it, as JSON text
 * `{"co":"12(b)","status":"partly"}` (shared/schemas/followUp.ts; docs/follow-up.md). One
 * attribute, so linking is one change the guard judges like any edit of the block: authors may,
 * reviewers and viewers may not. Not kept on split: the half after Enter is new text the link
 * was not made for. Rendered as data attributes that the editor's CSS shows as a marker.
 */
import { Extension } from '@tiptap/core'
import { parseFollowUpLink } from '../followUp/parseFollowUpLink'
import { FOLLOW_UP_NODES } from '../schemas/followUp'

export const FollowUpAttribute = Extension.create({
  name: 'followUpAttribute',
  addGlobalAttributes: () => [{
    types: [...FOLLOW_UP_NODES],
    attributes: {
      followUp: {
        default: null,
        keepOnSplit: false,
        parseHTML: el => (parseFollowUpLink(el.getAttribute('data-follow-up')) ? el.getAttribute('data-follow-up') : null),
        renderHTML: (attrs) => {
          const link = parseFollowUpLink(attrs.followUp)
          return link ? { 'data-follow-up': attrs.followUp, 'data-follow-up-co': link.co, 'data-follow-up-status': link.status } : {}
        },
      },
    },
  }],
})
