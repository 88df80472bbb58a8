/** One entry of a user's in-app inbox: someone mentioned me, or replied in a thread I started. */
export interface InboxItem {
  id: string
  kind: 'mention' | 'reply'
  reportId: string
  reportTitle: string
  threadId: string
  sectionId: string
  authorName: string
  excerpt: string
  createdAt: number
  read: boolean
}
