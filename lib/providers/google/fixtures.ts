import { sse } from "../native/testing";

/**
 * Recorded-format fixtures written from Google's Gemini API reference (generateContent,
 * streamGenerateContent with alt=sse, and the error model): Google ends SSE lines with CRLF.
 */

const MODEL = "gemini-2.0-flash-001";

export const textResponse = {
  candidates: [{ content: { parts: [{ text: "Hello there!" }], role: "model" }, finishReason: "STOP", avgLogprobs: -0.12, index: 0 }],
  usageMetadata: { promptTokenCount: 8, candidatesTokenCount: 3, totalTokenCount: 11 },
  modelVersion: MODEL,
  responseId: "mcVnaJ3qBr2Vz7IPp5Gb0QM",
};

export const toolResponse = {
  candidates: [
    {
      content: {
        parts: [
          { functionCall: { name: "get_weather", args: { location: "Paris", unit: "celsius" } } },
          { functionCall: { name: "get_time", args: {} } },
        ],
        role: "model",
      },
      finishReason: "STOP",
      index: 0,
    },
  ],
  usageMetadata: { promptTokenCount: 40, candidatesTokenCount: 12, totalTokenCount: 52 },
  modelVersion: MODEL,
  responseId: "tOolRespId01",
};

const chunk = (responseId: string, parts: unknown[], extra: Record<string, unknown> = {}, usage: Record<string, number> = { promptTokenCount: 8, totalTokenCount: 8 }) => ({
  data: { candidates: [{ content: { parts, role: "model" }, index: 0, ...extra }], usageMetadata: usage, modelVersion: MODEL, responseId },
});

export const textStream = sse(
  [
    chunk("mcVnaJ3qBr2Vz7IPp5Gb0QM", [{ text: "Hello" }]),
    chunk("mcVnaJ3qBr2Vz7IPp5Gb0QM", [{ text: " there!" }], { finishReason: "STOP" }, { promptTokenCount: 8, candidatesTokenCount: 3, totalTokenCount: 11 }),
  ],
  "\r\n",
);

/** The streamed twin of toolResponse: Gemini sends each function call whole. */
export const toolStream = sse(
  [
    chunk("tOolRespId01", [{ functionCall: { name: "get_weather", args: { location: "Paris", unit: "celsius" } } }]),
    chunk("tOolRespId01", [{ functionCall: { name: "get_time", args: {} } }], { finishReason: "STOP" }, { promptTokenCount: 40, candidatesTokenCount: 12, totalTokenCount: 52 }),
  ],
  "\r\n",
);

export const errorMidStream = sse(
  [chunk("errStream", [{ text: "Partial" }]), { data: { error: { code: 503, message: "The model is overloaded. Please try again later.", status: "UNAVAILABLE" } } }],
  "\r\n",
);

export const errorBodies = {
  401: { error: { code: 401, message: "Request had invalid authentication credentials.", status: "UNAUTHENTICATED" } },
  429: { error: { code: 429, message: "Resource has been exhausted (e.g. check quota).", status: "RESOURCE_EXHAUSTED" } },
  503: { error: { code: 503, message: "The model is overloaded. Please try again later.", status: "UNAVAILABLE" } },
} as const;
