/**
 * The exporter describes the Word document as plain data — `{ $: 'Paragraph', args: [options] }`
 * trees, where options are docx's own with nested descriptions in place of instances — instead of
 * building docx objects. Plain data can be posted to the packing worker (packDocx), which turns
 * it into docx objects and runs docx's Packer there: Packer is synchronous and takes ~0.1–0.3 s
 * for a 100-page report, far over what the server's event loop may be blocked for.
 */
import type {
  DeletedTextRun, IExternalHyperlinkOptions, IImageOptions, IInternalHyperlinkOptions, InsertedTextRun, IParagraphOptions, IRunOptions, ITableCellOptions, ITableOfContentsOptions, ITableOptions, ITableRowOptions,
} from 'docx'

/** The docx classes the exporter uses (the worker instantiates exactly these). */
export type DocxClass =
  | 'Paragraph' | 'TextRun' | 'InsertedTextRun' | 'DeletedTextRun' | 'ExternalHyperlink' | 'InternalHyperlink' | 'Bookmark' | 'FootnoteReferenceRun'
  | 'CommentRangeStart' | 'CommentRangeEnd' | 'CommentReference'
  | 'Table' | 'TableRow' | 'TableCell' | 'TableOfContents' | 'Header' | 'Footer' | 'Tab' | 'PageBreak'
  | 'ImageRun' | 'SimpleField'

/** A docx object to be: class name and constructor arguments. */
export interface DocxDesc {
  readonly $: DocxClass
  readonly args: readonly unknown[]
}

/** docx options with the instance-valued key `K` holding descriptions instead. */
type Described<T, K extends PropertyKey> = Omit<T, K> & { readonly [P in K & string]?: readonly (DocxDesc | string)[] }

/** An entry of a table of contents written by us (docx's ToCEntry, which it does not export). */
export interface TocEntry {
  title: string
  level: number
  href?: string
  page?: number
}

const make = (name: DocxClass, ...args: unknown[]): DocxDesc => ({ $: name, args })

/** Factories, one per docx class, typed with docx's own option types. */
export const D = {
  Paragraph: (o: Described<IParagraphOptions, 'children'>) => make('Paragraph', o),
  TextRun: (o: Described<IRunOptions, 'children'> | string) => make('TextRun', o),
  InsertedTextRun: (o: ConstructorParameters<typeof InsertedTextRun>[0]) => make('InsertedTextRun', o),
  DeletedTextRun: (o: ConstructorParameters<typeof DeletedTextRun>[0]) => make('DeletedTextRun', o),
  ExternalHyperlink: (o: Described<IExternalHyperlinkOptions, 'children'>) => make('ExternalHyperlink', o),
  /** A link to a bookmark in the document (the generated summary's labels → their blocks). */
  InternalHyperlink: (o: Described<IInternalHyperlinkOptions, 'children'>) => make('InternalHyperlink', o),
  Bookmark: (o: { id: string, children: DocxDesc[] }) => make('Bookmark', o),
  FootnoteReferenceRun: (id: number) => make('FootnoteReferenceRun', id),
  CommentRangeStart: (id: number) => make('CommentRangeStart', id),
  CommentRangeEnd: (id: number) => make('CommentRangeEnd', id),
  CommentReference: (id: number) => make('CommentReference', id),
  Table: (o: Omit<ITableOptions, 'rows'> & { rows: DocxDesc[] }) => make('Table', o),
  TableRow: (o: Omit<ITableRowOptions, 'children'> & { children: DocxDesc[] }) => make('TableRow', o),
  TableCell: (o: Omit<ITableCellOptions, 'children'> & { children: DocxDesc[] }) => make('TableCell', o),
  TableOfContents: (alias: string, o: ITableOfContentsOptions & { cachedEntries?: TocEntry[] }) => make('TableOfContents', alias, o),
  Header: (o: { children: DocxDesc[] }) => make('Header', o),
  Footer: (o: { children: DocxDesc[] }) => make('Footer', o),
  PageBreak: () => make('PageBreak'),
  Tab: () => make('Tab'),
  /** An inline picture; its bytes travel to the worker in the description (structured clone copies them). */
  ImageRun: (o: IImageOptions) => make('ImageRun', o),
  /** A field with its cached result (w:fldSimple), e.g. `SEQ Figure` with the figure's number. */
  SimpleField: (instruction: string, cachedValue?: string) => make('SimpleField', instruction, cachedValue),
}
