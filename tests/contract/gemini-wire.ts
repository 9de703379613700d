import type { Content, GenerationConfig, Tool, ToolConfig } from "@google/genai";

/**
 * The body of POST models/{model}:generateContent as the Gemini API (v1beta) takes it, in the
 * types of Google's own SDK (@google/genai, a dev dependency): the SDK's `config` flattens these
 * fields, and its converters put them back in this shape on the wire.
 */
export interface GeminiGenerateContentBody {
  contents: Content[];
  systemInstruction?: Content;
  tools?: Tool[];
  toolConfig?: ToolConfig;
  generationConfig?: GenerationConfig;
}
