export {
  MAX_PARTIAL_DEPTH,
  TemplateError,
  listPartialRefs,
  loadPartialsFor,
  parsePartialTag,
  refOf,
  parseTemplate,
  renderText,
  renderWithPartials,
  toText,
  type PartialLoader,
  type PartialRef,
  type PartialTag,
  type TemplateErrorCode,
} from "./render";
export { listVariables, missingVariables } from "./variables";
export {
  chatTemplateStrings,
  parseChatTemplate,
  renderChat,
  renderTemplate,
  templateStrings,
  templateVariables,
  type ChatMessage,
  type ContentPart,
  type RenderedTemplate,
  type RenderOptions,
  type TemplateKind,
} from "./chat";
export { lineColumn, MAX_SYNTAX_PROBLEMS, scanTemplate, scannedVariables, type ScannedTag, type SyntaxProblem, type TemplateScan } from "./scan";
