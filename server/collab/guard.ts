/**
 * The per-message guard: decides, before a client's update touches the live document, whether
 * the sender's role may make every change in it (DESIGN.md role table). An update is accepted or
 * refused whole. Each new item and each deleted item is placed (root × path, see updateView.ts)
 * and checked against the rules of its root; the role matrix itself comes from shared/permissions.
 */
import * as Y from 'yjs'
import { can, canEditSectionText, canSetSectionStatus, SECTION_STATUSES } from '#shared/permissions'
import type { Role, SectionStatus } from '#shared/permissions'
import { COMMENTS, META, SECTIONS, parseSectionFragmentName } from '#shared/docNames'
import { DELETION, INSERTION, SUGGESTED_JOIN, SUGGESTED_SPLIT } from '#shared/editor/suggestionMarks'
import { CommentRules } from './commentRules'
import { checkSuggestions } from './suggestionCheck'
import type { SuggestionWriter } from './suggestionCheck'
import { hasFormatKey } from './textAttrs'
import { itemMap, itemType, itemValue } from './itemValue'
import { INERT, MISPLACED, MISSING, UpdateView } from './updateView'
import type { Location, Placement } from './updateView'

/** Who sends an update. */
export interface Writer {
  userId: string
  userName: string
  role: Role
}

export type Verdict =
  | { ok: true, view: UpdateView }
  /** `forbidden`: a rule refused it; `missing`: dependencies absent (resync); `malformed`: not a Yjs update. */
  | { ok: false, kind: 'forbidden' | 'missing' | 'malformed', reason: string, root?: string }

const deny = (reason: string, root?: string): Verdict => ({ ok: false, kind: 'forbidden', reason, root })

/** Decide on one update from `who` against the live `doc`. */
export function guardUpdate(doc: Y.Doc, update: Uint8Array, who: Writer, now = Date.now()): Verdict {
  let view: UpdateView
  try {
    view = new UpdateView(doc, update)
  } catch {
    return { ok: false, kind: 'malformed', reason: 'not a Yjs update' }
  }
  const shape = view.shapeProblem()
  if (shape) return { ok: false, ...shape }

  const rules = new RootRules(doc, who, now, view)
  // Writes first: a deletion of a map entry's old value is allowed when this update writes a new
  // value for the same key that stays (that is how Y.Map.set replaces a value). A new item the
  // update deletes again is also judged as a removal: writing a key and deleting the write in one
  // update removes the key.
  const removedNew: Location[] = []
  const tombstones: Location[] = []
  for (const item of view.newItems()) {
    const place = view.locate(item, true)
    if (place === INERT) continue
    if (place === MISSING) return { ok: false, kind: 'missing', reason: 'item with an unknown parent' }
    if (place === MISPLACED) return { ok: false, kind: 'malformed', reason: 'overlapping item claims another place than its own history' }
    if (item.content instanceof Y.ContentDoc) return deny('subdocuments are not part of a report', place.root)
    // A map value written and overwritten before it was sent arrives as a tombstone; judged
    // below as what it can do: delete the key's current value.
    if (item.content instanceof Y.ContentDeleted && place.path.at(-1)!.key !== null) {
      tombstones.push(place)
      continue
    }
    const stays = !view.isDeleted(item)
    const reason = rules.write(place, stays)
    if (reason) return deny(reason, place.root)
    if (!stays) removedNew.push(place)
  }
  if (who.role === 'viewer' && view.hasNewGc()) return deny('viewers cannot change the report')
  const removed = [...view.deletedItems()].map(item => view.locate(item, false)).concat(removedNew, rules.overwrittenBy(tombstones, view))
  for (const place of removed) {
    if (place === INERT || place === MISSING || place === MISPLACED) continue
    // Inside a type that is (being) deleted: covered by the check of that type's deletion.
    if (place.path.slice(0, -1).some(step => view.isDeleted(step.item))) continue
    const reason = rules.remove(place)
    if (reason) return deny(reason, place.root)
  }
  const reason = rules.comments.finish()
  if (reason) return deny(reason, COMMENTS)
  if (rules.touchesSuggestions) {
    const bad = checkSuggestions(doc, update, rules.suggestionWriter())
    if (bad) return deny(bad)
  }
  return { ok: true, view }
}

/**
 * Does an editor's change come near a suggestion: a suggestion format item itself, or text in a
 * paragraph that holds suggestions (new text there could inherit someone's suggestion)?
 */
function nearSuggestion(path: Location['path'], scanned: Map<Y.Item, boolean>): boolean {
  const item = path.at(-1)!.item
  if (item.content instanceof Y.ContentFormat) return SUGGESTION_KEYS.includes(item.content.key)
  // A suggested paragraph break (shared/editor/suggestionMarks.ts), written or removed.
  if (item.parentSub === SUGGESTED_SPLIT || item.parentSub === SUGGESTED_JOIN) return true
  const parent = path.length >= 2 ? path.at(-2)! : null
  if (!parent || parent.isNew) return false
  // A paragraph is scanned once per update, however many of its items the update writes.
  let found = scanned.get(parent.item)
  if (found === undefined) {
    const type = itemType(parent.item)
    scanned.set(parent.item, (found = !!type && hasFormatKey(type, SUGGESTION_KEYS)))
  }
  return found
}

const SUGGESTION_KEYS = [INSERTION, DELETION]

/** The map and key a placed item is stored under (its map item, or its root's name), if it is a map entry. */
function mapSlot({ root, path }: Location): { owner: Y.Item | string, key: string } | null {
  const key = path.at(-1)!.key
  if (key === null) return null
  return { owner: path.length >= 2 ? path.at(-2)!.item : root, key }
}

/** The rules per root for one update. */
class RootRules {
  readonly comments: CommentRules
  /** Map entries (map item, or root name → keys) this update writes with permission, and keeps. */
  private readonly allowedWrites = new Map<Y.Item | string, Set<string>>()
  private sectionsById: Map<string, Y.Map<unknown>> | null = null

  constructor(private readonly doc: Y.Doc, private readonly who: Writer, private readonly now: number, view: UpdateView) {
    this.comments = new CommentRules(doc, who, now, item => view.isDeleted(item))
  }

  /** `stays`: the item is not deleted again by the same update (only then does it replace a value). */
  write(place: Location, stays: boolean): string | null {
    const reason = this.check(place, 'write')
    const slot = mapSlot(place)
    if (!reason && stays && slot) {
      let keys = this.allowedWrites.get(slot.owner)
      if (!keys) this.allowedWrites.set(slot.owner, (keys = new Set()))
      keys.add(slot.key)
    }
    return reason
  }

  /**
   * The current values that tombstone map writes would delete: none where this update writes a
   * value to the same key that stays, or where the map itself is new.
   */
  overwrittenBy(tombstones: Location[], view: UpdateView): Placement[] {
    const out: Placement[] = []
    for (const place of tombstones) {
      const slot = mapSlot(place)!
      const owner = place.path.at(-2)
      if (owner?.isNew || this.allowedWrites.get(slot.owner)?.has(slot.key)) continue
      const type = owner ? itemType(owner.item) : this.doc.share.get(place.root)
      const current = type?._map.get(slot.key)
      if (current && !current.deleted) out.push(view.locate(current, false))
    }
    return out
  }

  remove(place: Location): string | null {
    const slot = mapSlot(place)
    if (slot && this.allowedWrites.get(slot.owner)?.has(slot.key)) return null
    return this.check(place, 'remove')
  }

  private check(place: Location, op: 'write' | 'remove'): string | null {
    const { role } = this.who
    if (role === 'viewer') return 'viewers cannot change the report'
    const { root, path } = place
    if (root === COMMENTS) return op === 'write' ? this.comments.write(path) : this.comments.remove(path)
    const sectionId = parseSectionFragmentName(root)
    if (sectionId !== null) return this.sectionText(sectionId, place)
    if (can(role, 'sections.manage')) return null // the secretariat may change anything else
    if (root === META) return 'only the secretariat edits the report metadata'
    if (root === SECTIONS) return this.sectionsChange(place, op)
    return `unknown root ${root}`
  }

  /** True when this update may change a suggestion: checked character by character (suggestionCheck.ts). */
  touchesSuggestions = false
  /** Paragraphs (their items) already scanned for suggestions in this update. */
  private readonly scannedParagraphs = new Map<Y.Item, boolean>()

  /** Section text: editors write; those who may suggest are checked as suggesters. */
  private sectionText(sectionId: string, { path }: Location): string | null {
    const section = this.section(sectionId)
    if (!section) return can(this.who.role, 'sections.manage') ? null : 'no such section'
    // A generated section's body is drawn from the rest of the report (the summary of
    // recommendations, the follow-up table) and never stored: nobody writes into it.
    if (section.get('generated')) return 'a generated section holds no text of its own'
    const status = this.status(sectionId)
    if (canEditSectionText(this.who.role, status)) {
      if (!this.touchesSuggestions) this.touchesSuggestions = nearSuggestion(path, this.scannedParagraphs)
      return null
    }
    if (status !== 'final' && can(this.who.role, 'text.suggest')) {
      this.touchesSuggestions = true
      return null
    }
    return status === 'final' ? 'the section is final' : 'this role cannot edit section text'
  }

  private status(sectionId: string): SectionStatus {
    return (this.section(sectionId)?.get('status') as SectionStatus | undefined) ?? 'draft'
  }

  /** The writer as the suggestion check sees it, section by section. */
  suggestionWriter(): SuggestionWriter {
    const sectionOf = (root: string) => parseSectionFragmentName(root) ?? ''
    const editor = (root: string) => !!this.section(sectionOf(root)) && canEditSectionText(this.who.role, this.status(sectionOf(root)))
    return {
      userId: this.who.userId,
      userName: this.who.userName,
      editor,
      decider: root => editor(root) && can(this.who.role, 'suggestions.decide'),
    }
  }

  /** Authors may set the status of sections they own (never to or from final); nothing else. */
  private sectionsChange({ path }: Location, op: 'write' | 'remove'): string | null {
    const [sectionStep, field] = path
    if (op === 'write' && path.length === 2 && field!.key === 'status' && !sectionStep!.isNew) {
      const section = itemMap(sectionStep!.item)
      const next = itemValue(field!.item)
      if (section && SECTION_STATUSES.includes(next as SectionStatus)) {
        const current = {
          ownerId: (section.get('ownerId') as string | null | undefined) ?? null,
          status: (section.get('status') as SectionStatus | undefined) ?? 'draft',
        }
        if (canSetSectionStatus(this.who.role, this.who.userId, current, next as SectionStatus)) return null
        return 'cannot set the status of this section'
      }
    }
    return 'only the secretariat changes the sections'
  }

  private section(id: string): Y.Map<unknown> | undefined {
    if (!this.sectionsById) {
      this.sectionsById = new Map()
      for (const s of this.doc.getArray<unknown>(SECTIONS).toArray()) {
        if (s instanceof Y.Map && typeof s.get('id') === 'string') this.sectionsById.set(s.get('id') as string, s)
      }
    }
    return this.sectionsById.get(id)
  }
}
