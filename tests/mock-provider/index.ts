export { startMockProvider, type MockProviderOptions } from "./server";
export { BEHAVIOR_HEADER, MODEL_PRESET_NAMES, behaviorFromModel, mergeBehaviors, parseBehavior } from "./behavior";
export { answerTokens, defaultAnswer, tokenize } from "./answer";
export { defaultRoutes, matchPath } from "./routes";
export type { MockRoute } from "./route";
export type { MockBehavior, MockExchange, MockProvider, MockToolCall, RecordedRequest } from "./types";
export { jsonChunks, readSseEvents, type JsonChunk, type ReceivedEvent } from "./sse-reader";
