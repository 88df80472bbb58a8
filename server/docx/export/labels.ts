/**
 * The few words the exporter writes itself, in the report's language (the UN does not translate
 * NGO reports, so the cover must read in the language of the text).
 */
import type { ReportMeta } from '#shared/schemas/report'

/** Cover, contents and comment labels of one report language. */
export interface Labels {
  /** BCP 47 tag written as the document language (w:lang) and used for the date. */
  locale: string
  contents: string
  /** Heads the page-number column of the contents, as UN documents do. */
  page: string
  stateParty: string
  treatyBody: string
  session: string
  submittedBy: string
  members: string
  contact: string
  date: string
  alternativeReport: string
  publicStatement: string
  confidentialStatement: string
  confidential: string
  /** The line in every page's header of a confidential report. */
  confidentialHeader: string
  suggestion: string
  removedText: string
  /** Before a recommendation's articles ("Articles 3, 12"). */
  articles: string
  /** A recommendation marked priority. */
  priority: string
  /** Heads the executive summary's generated list of priority recommendations. */
  priorityList: string
  /** Before a figure's number in its caption ("Figure 3."), as Word's own caption label. */
  figure: string
  /** Where a figure's picture is missing from the server (its bytes were never uploaded). */
  missingPicture: string
}

const LABELS: Record<ReportMeta['language'], Labels> = {
  en: {
    locale: 'en-GB',
    contents: 'Contents',
    page: 'Page',
    stateParty: 'State party',
    treatyBody: 'Treaty body',
    session: 'Session',
    submittedBy: 'Submitted by',
    members: 'Member organisations',
    contact: 'Contact',
    date: 'Date',
    alternativeReport: 'Alternative report',
    publicStatement: 'The authors consent to the publication of this report on the website of the Office of the United Nations High Commissioner for Human Rights.',
    confidentialStatement: 'This report is submitted in confidence. The authors do not consent to its publication, in whole or in part.',
    confidential: 'Confidential',
    confidentialHeader: 'Confidential — not for publication',
    suggestion: 'Suggested replacement',
    removedText: 'On text since removed',
    articles: 'Articles',
    priority: 'Priority',
    priorityList: 'Priority recommendations',
    figure: 'Figure',
    missingPicture: '[Picture missing]',
  },
  fr: {
    locale: 'fr-FR',
    contents: 'Table des matières',
    page: 'Page',
    stateParty: 'État partie',
    treatyBody: 'Organe conventionnel',
    session: 'Session',
    submittedBy: 'Présenté par',
    members: 'Organisations membres',
    contact: 'Contact',
    date: 'Date',
    alternativeReport: 'Rapport alternatif',
    publicStatement: 'Les auteurs consentent à la publication du présent rapport sur le site Web du Haut-Commissariat des Nations Unies aux droits de l’homme.',
    confidentialStatement: 'Le présent rapport est soumis à titre confidentiel. Les auteurs ne consentent pas à sa publication, en tout ou en partie.',
    confidential: 'Confidentiel',
    confidentialHeader: 'Confidentiel — ne pas publier',
    suggestion: 'Remplacement proposé',
    removedText: 'Sur un texte supprimé depuis',
    articles: 'Articles',
    priority: 'Prioritaire',
    priorityList: 'Recommandations prioritaires',
    figure: 'Figure',
    missingPicture: '[Image manquante]',
  },
  es: {
    locale: 'es-ES',
    contents: 'Índice',
    page: 'Página',
    stateParty: 'Estado parte',
    treatyBody: 'Órgano de tratado',
    session: 'Período de sesiones',
    submittedBy: 'Presentado por',
    members: 'Organizaciones miembros',
    contact: 'Contacto',
    date: 'Fecha',
    alternativeReport: 'Informe alternativo',
    publicStatement: 'Los autores consienten en la publicación del presente informe en el sitio web de la Oficina del Alto Comisionado de las Naciones Unidas para los Derechos Humanos.',
    confidentialStatement: 'El presente informe se presenta con carácter confidencial. Los autores no consienten en su publicación, total o parcial.',
    confidential: 'Confidencial',
    confidentialHeader: 'Confidencial — no publicar',
    suggestion: 'Texto sustitutivo propuesto',
    removedText: 'Sobre un texto ya eliminado',
    articles: 'Artículos',
    priority: 'Prioritaria',
    priorityList: 'Recomendaciones prioritarias',
    figure: 'Figura',
    missingPicture: '[Falta la imagen]',
  },
  ru: {
    locale: 'ru-RU',
    contents: 'Содержание',
    page: 'Стр.',
    stateParty: 'Государство-участник',
    treatyBody: 'Договорный орган',
    session: 'Сессия',
    submittedBy: 'Представлено',
    members: 'Организации-члены',
    contact: 'Контактное лицо',
    date: 'Дата',
    alternativeReport: 'Альтернативный доклад',
    publicStatement: 'Авторы согласны на публикацию настоящего доклада на веб-сайте Управления Верховного комиссара Организации Объединенных Наций по правам человека.',
    confidentialStatement: 'Настоящий доклад представляется на конфиденциальной основе. Авторы не дают согласия на его публикацию, полностью или частично.',
    confidential: 'Конфиденциально',
    confidentialHeader: 'Конфиденциально — не для публикации',
    suggestion: 'Предлагаемая замена',
    removedText: 'К тексту, который был удален',
    articles: 'Статьи',
    priority: 'Приоритет',
    priorityList: 'Приоритетные рекомендации',
    figure: 'Рисунок',
    missingPicture: '[Рисунок отсутствует]',
  },
  az: {
    // Azerbaijani in Latin script, as Word names it.
    locale: 'az-Latn-AZ',
    contents: 'Mündəricat',
    page: 'Səhifə',
    stateParty: 'İştirakçı dövlət',
    treatyBody: 'Müqavilə orqanı',
    session: 'Sessiya',
    submittedBy: 'Təqdim edən',
    members: 'Üzv təşkilatlar',
    contact: 'Əlaqə',
    date: 'Tarix',
    alternativeReport: 'Alternativ hesabat',
    publicStatement: 'Müəlliflər bu hesabatın Birləşmiş Millətlər Təşkilatının İnsan Hüquqları üzrə Ali Komissarlığı İdarəsinin internet saytında dərc edilməsinə razılıq verirlər.',
    confidentialStatement: 'Bu hesabat məxfi qaydada təqdim edilir. Müəlliflər onun tam və ya qismən dərc edilməsinə razılıq vermirlər.',
    confidential: 'Məxfi',
    confidentialHeader: 'Məxfi — dərc üçün deyil',
    suggestion: 'Təklif olunan əvəzedici mətn',
    removedText: 'Sonradan silinmiş mətnə dair',
    articles: 'Maddələr',
    priority: 'Prioritet',
    priorityList: 'Prioritet tövsiyələr',
    figure: 'Şəkil',
    missingPicture: '[Şəkil yoxdur]',
  },
}

/** The labels of a report language (English when unknown). */
export function labelsFor(language: string): Labels {
  return LABELS[language as ReportMeta['language']] ?? LABELS.en
}
