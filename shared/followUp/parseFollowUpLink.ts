/**
 * A block's `followUp` attribute (JSON text `{"co":"12(b)","status":"partly"}`) as data, or null
 * when absent or not valid: an odd value written by an old or foreign client shows no link
 * rather than breaking the table.
 */
import { followUpLinkSchema, type FollowUpLink } from '../schemas/followUp'

/** Parse a `followUp` attribute value. */
export function parseFollowUpLink(value: unknown): FollowUpLink | null {
  if (typeof value !== 'string' || value.length > 200) return null
  try {
    const parsed = followUpLinkSchema.safeParse(JSON.parse(value))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
