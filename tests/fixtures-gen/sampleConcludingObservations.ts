/**
 * Concluding observations as the Committee lays them out (CRC/C/AZE/CO/5-6's structure: parts in
 * roman numerals, clusters lettered A.–L., topic headings, numbered paragraphs with lettered
 * sub-paragraphs, observations next to recommendations), with invented wording. `wrap` renders
 * it as a PDF converter does: hard line breaks at a width, page headers with the symbol, job
 * numbers and page numbers between the lines. Used by the parser tests, the route test and the
 * browser test.
 */

/** One block of the sample: a heading, or a paragraph (lead-in and sub-paragraphs). */
export type CoBlock = { heading: string } | { number: number, lead: string, subs?: string[] }

export const SAMPLE_CO_SYMBOL = 'CRC/C/AZE/CO/5-6'

/** The sample's blocks, in order. */
export const SAMPLE_CO_BLOCKS: CoBlock[] = [
  { heading: 'I. Introduction' },
  { number: 1, lead: 'The Committee considered the combined fifth and sixth periodic reports of Azerbaijan at its 2610th and 2611th meetings, held on 6 and 7 May 2022, and adopted the present concluding observations at its 2620th meeting, held on 13 May 2022.' },
  { number: 2, lead: 'The Committee welcomes the submission of the combined fifth and sixth periodic reports of the State party, which allowed for a better understanding of the situation of children\'s rights in the State party.' },
  { heading: 'II. Follow-up measures taken and progress achieved by the State party' },
  { number: 3, lead: 'The Committee welcomes the various legislative, institutional and policy measures taken by the State party, including the adoption of the Law on Child Rights Ombudsman in 2021 (see art. 4 of the Convention).' },
  { heading: 'III. Main areas of concern and recommendations' },
  { number: 4, lead: 'The Committee reminds the State party of the indivisibility and interdependence of all the rights enshrined in the Convention and emphasizes the importance of all the recommendations contained in the present concluding observations.' },
  { heading: 'A. General measures of implementation (arts. 4, 42 and 44 (6))' },
  { heading: 'Legislation' },
  { number: 5, lead: 'Recalling its previous recommendations (CRC/C/AZE/CO/3-4, para. 8), the Committee recommends that the State party:', subs: [
    'Expedite the adoption of the draft Children\'s Code and ensure that it is fully in line with the Convention;',
    'Conduct child rights impact assessments of all legislation and policies affecting children;',
    'Allocate sufficient human, technical and financial resources for the implementation of the legislation.',
  ] },
  { heading: 'Allocation of resources' },
  { number: 6, lead: 'The Committee notes with concern that the budget allocated to health and education as a proportion of gross domestic product decreased between 2016 and 2020.' },
  { number: 7, lead: 'With reference to its general comment No. 19 (2016) on public budgeting for the realization of children\'s rights, the Committee urges the State party to:', subs: [
    'Establish a budgeting process that includes a child rights perspective and specifies clear allocations for children;',
    'Ensure transparent and participatory budgeting through public dialogue, especially with children; and',
    'Define budgetary lines for children in disadvantaged or vulnerable situations, including children with disabilities and refugee children.',
  ] },
  { heading: 'B. Definition of the child (art. 1)' },
  { number: 8, lead: 'The Committee recommends that the State party remove all exceptions that allow marriage under the age of 18 years and strengthen awareness-raising programmes on the harmful effects of child marriage.' },
  { heading: 'C. General principles (arts. 2, 3, 6 and 12)' },
  { heading: 'Non-discrimination' },
  { number: 9, lead: 'The Committee is concerned about persistent discrimination against girls, children with disabilities and internally displaced children, in particular in their access to education and health services.' },
  { number: 10, lead: 'The Committee recommends that the State party adopt a comprehensive anti-discrimination law and a national action plan, and ensure that children who experience discrimination have access to effective remedies.' },
  { heading: 'D. Civil rights and freedoms (arts. 7, 8 and 13–17)' },
  { heading: 'Birth registration' },
  { number: 11, lead: 'Taking note of target 16.9 of the Sustainable Development Goals, the Committee recommends that the State party:', subs: [
    'Ensure free and universal birth registration, including for children of refugees and stateless persons; and',
    'Strengthen mobile registration units in rural and remote areas.',
  ] },
  { heading: 'E. Violence against children (arts. 19, 24 (3), 28 (2), 34, 37 (a) and 39)' },
  { heading: 'Corporal punishment' },
  { number: 12, lead: 'The Committee recommends that the State party:', subs: [
    'Explicitly prohibit corporal punishment in all settings, including the home and alternative care settings;',
    'Promote positive, non-violent and participatory forms of child-rearing and discipline; and',
    'Establish mechanisms for monitoring compliance with the prohibition of corporal punishment in schools and institutions, as required by article 37 (a) and 39.',
  ] },
  { heading: 'F. Family environment and alternative care (arts. 5, 9–11, 18 (1) and (2), 20, 21, 25 and 27 (4))' },
  { heading: 'Children deprived of a family environment' },
  { number: 13, lead: 'While noting the progress made on deinstitutionalization, the Committee is seriously concerned that a large number of children, including children with disabilities, remain in institutions.' },
  { number: 14, lead: 'Drawing the State party\'s attention to the Guidelines for the Alternative Care of Children, the Committee urges the State party to accelerate deinstitutionalization with a clear timeline and to support family-based care for all children.' },
  { heading: 'G. Children with disabilities (art. 23)' },
  { number: 15, lead: 'The Committee recommends that the State party adopt a human rights-based approach to disability and ensure inclusive education for all children with disabilities in mainstream schools.' },
  { heading: 'H. Basic health and welfare (arts. 6, 18 (3), 24, 26, 27 (1)–(3) and 33)' },
  { number: 16, lead: 'The Committee requests the State party to reduce infant and child mortality by improving prenatal and postnatal care, in particular in rural areas.' },
  { heading: 'I. Education, leisure and cultural activities (arts. 28–31)' },
  { number: 17, lead: 'The Committee welcomes the increase in enrolment in preschool education.' },
  { heading: 'J. Special protection measures (arts. 22, 30, 32–33, 35–36, 37 (b)–(d) and 38–40)' },
  { heading: 'Administration of child justice' },
  { number: 18, lead: 'The Committee urges the State party to bring its child justice system fully into line with the Convention and, in particular:', subs: [
    'Establish specialized child justice courts and procedures with adequate resources;',
    'Promote non-judicial measures, such as diversion, mediation and counselling, for children accused of criminal offences; and',
    'Ensure that detention is used as a measure of last resort and for the shortest possible period of time.',
  ] },
  { heading: 'IV. Implementation and reporting' },
  { heading: 'A. Follow-up and dissemination' },
  { number: 19, lead: 'The Committee recommends that the State party take all appropriate measures to ensure that the recommendations contained in the present concluding observations are fully implemented.' },
  { heading: 'B. Next report' },
  { number: 20, lead: 'The Committee invites the State party to submit its combined seventh and eighth periodic reports by 20 July 2027.' },
]

/** The header a UN document carries above paragraph 1. */
const HEADER = [SAMPLE_CO_SYMBOL, 'Distr.: General', '13 June 2022', 'Original: English', 'Committee on the Rights of the Child', 'Concluding observations on the combined fifth and sixth periodic reports of Azerbaijan*']

/** The paragraphs and headings as lines of text, each paragraph and sub-paragraph on one line. */
export function coBlocksText(blocks: CoBlock[]): string[] {
  const out: string[] = []
  for (const b of blocks) {
    if ('heading' in b) out.push(b.heading)
    else out.push(`${b.number}. ${b.lead}`, ...(b.subs ?? []).map((s, i) => `(${String.fromCharCode(97 + i)}) ${s}`))
  }
  return out
}

/**
 * The sample as text: as pasted from a web page (`wrap` 0: one line per paragraph, blank lines
 * between), or as a PDF converter gives it (lines wrapped at `wrap` characters, a page header and
 * a page number every `pageLines` lines).
 */
export function sampleCoText(options: { wrap?: number, pageLines?: number, blocks?: CoBlock[] } = {}): string {
  const { wrap = 0, pageLines = 40, blocks = SAMPLE_CO_BLOCKS } = options
  const lines = [...HEADER, ...coBlocksText(blocks)]
  if (!wrap) return lines.join('\n\n')
  const wrapped = lines.flatMap(line => wrapLine(line, wrap))
  const out: string[] = []
  wrapped.forEach((line, i) => {
    if (i > 0 && i % pageLines === 0) out.push('', String(i / pageLines + 1), 'GE.22-09071', SAMPLE_CO_SYMBOL, '')
    out.push(line)
  })
  return out.join('\n')
}

/** Greedy word wrap at `width` characters (a word longer than the width gets a line of its own). */
export function wrapLine(line: string, width: number): string[] {
  const out: string[] = []
  let current = ''
  for (const word of line.split(' ')) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current)
      current = word
    } else {
      current = current ? `${current} ${word}` : word
    }
  }
  if (current) out.push(current)
  return out
}
