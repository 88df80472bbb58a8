/**
 * The words of the exported follow-up table, in the report's language (the UN does not translate
 * NGO reports): column heads, the assessments, "para." before a paragraph number. The interface
 * shows the same in the interface language (locales/*.json `followUp`).
 */
import type { ReportLanguage } from '#shared/schemas/report'
import type { FollowUpStatus } from '#shared/schemas/followUp'

export interface FollowUpLabels {
  co: string
  assessment: string
  where: string
  para: string
  status: Record<FollowUpStatus, string>
}

const LABELS: Record<ReportLanguage, FollowUpLabels> = {
  en: { co: 'Recommendation of the Committee', assessment: 'Our assessment', where: 'Where in this report', para: 'para.', status: { implemented: 'Implemented', partly: 'Partly implemented', not: 'Not implemented', noInformation: 'No information' } },
  fr: { co: 'Recommandation du Comité', assessment: 'Notre évaluation', where: 'Où dans ce rapport', para: 'par.', status: { implemented: 'Mise en œuvre', partly: 'Partiellement mise en œuvre', not: 'Non mise en œuvre', noInformation: 'Pas d’information' } },
  es: { co: 'Recomendación del Comité', assessment: 'Nuestra evaluación', where: 'Dónde en este informe', para: 'párr.', status: { implemented: 'Aplicada', partly: 'Aplicada parcialmente', not: 'No aplicada', noInformation: 'Sin información' } },
  ru: { co: 'Рекомендация Комитета', assessment: 'Наша оценка', where: 'Где в докладе', para: 'п.', status: { implemented: 'Выполнена', partly: 'Выполнена частично', not: 'Не выполнена', noInformation: 'Нет информации' } },
  az: { co: 'Komitənin tövsiyəsi', assessment: 'Bizim qiymətləndirməmiz', where: 'Bu hesabatda harada', para: 'bənd', status: { implemented: 'İcra olunub', partly: 'Qismən icra olunub', not: 'İcra olunmayıb', noInformation: 'Məlumat yoxdur' } },
}

/** The labels of one report language (English for an unknown one). */
export function followUpLabels(language: string | undefined): FollowUpLabels {
  return LABELS[(language ?? 'en') as ReportLanguage] ?? LABELS.en
}
