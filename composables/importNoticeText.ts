/**
 * A Word import's notices (shared/importNotices.ts) in the interface language: the server sends a
 * code and a count for each kind of loss, never words of its own.
 */
import type { ImportNotice } from '#shared/importNotices'

/** A function that words one notice for the person reading. */
export function useImportNoticeText(): (notice: ImportNotice) => string {
  const { t } = useI18n()
  return notice => t(`importNotice.${notice.code}`, { n: formatNumber(notice.count), detail: notice.detail ?? '' }, notice.count)
}
