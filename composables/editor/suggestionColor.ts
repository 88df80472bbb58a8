/** A person's suggestion colour: shared/editor/suggestionColor.ts (the schema's paragraph marks draw with it too). */
export { suggestionColor } from '#shared/editor/suggestionColor'
