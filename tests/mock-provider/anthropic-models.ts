/**
 * What api.anthropic.com refuses per model, as the mock enforces it. Written from Anthropic's
 * own sources (the SDK's deprecation notes on temperature/top_p/top_k, the structured-outputs
 * page's model list) and the 400s users report, and kept apart from Promptly's declarations
 * on purpose: a wrong declaration must meet the real API's answer here, not its own echo.
 *
 * Model names the table does not know (the mock's presets, test names) are accepted freely.
 */
export interface AnthropicModelRules {
  /** "`temperature` and `top_p` cannot both be specified for this model." */
  samplersExclusive: boolean;
  /** Models after Opus 4.6: temperature only 1, top_p only >= 0.99, no top_k. */
  fixedSampling: boolean;
  /** Whether the conversation may end with an assistant message. */
  prefill: boolean;
  /** Whether `output_config.format` (structured outputs) is accepted. */
  structuredOutputs: boolean;
}

const FREE: AnthropicModelRules = { samplersExclusive: false, fixedSampling: false, prefill: true, structuredOutputs: true };
const CLAUDE_4_0: AnthropicModelRules = { samplersExclusive: false, fixedSampling: false, prefill: true, structuredOutputs: false };
const OPUS_4_1: AnthropicModelRules = { samplersExclusive: true, fixedSampling: false, prefill: true, structuredOutputs: false };
const CLAUDE_4_5: AnthropicModelRules = { samplersExclusive: true, fixedSampling: false, prefill: true, structuredOutputs: true };
const CLAUDE_4_6: AnthropicModelRules = { samplersExclusive: true, fixedSampling: false, prefill: false, structuredOutputs: true };
const AFTER_4_6: AnthropicModelRules = { samplersExclusive: false, fixedSampling: true, prefill: false, structuredOutputs: true };

const TABLE: Array<[string, AnthropicModelRules]> = [
  ["claude-3-", CLAUDE_4_0],
  ["claude-sonnet-4-0", CLAUDE_4_0],
  ["claude-sonnet-4-2025", CLAUDE_4_0],
  ["claude-opus-4-0", CLAUDE_4_0],
  ["claude-opus-4-2025", CLAUDE_4_0],
  ["claude-opus-4-1", OPUS_4_1],
  ["claude-sonnet-4-5", CLAUDE_4_5],
  ["claude-haiku-4-5", CLAUDE_4_5],
  ["claude-opus-4-5", CLAUDE_4_5],
  ["claude-opus-4-6", CLAUDE_4_6],
  ["claude-sonnet-4-6", CLAUDE_4_6],
  ["claude-opus-4-7", AFTER_4_6],
  ["claude-opus-4-8", AFTER_4_6],
  ["claude-mythos", AFTER_4_6],
  ["claude-sonnet-5", AFTER_4_6],
  ["claude-opus-5", AFTER_4_6],
  ["claude-fable-5", AFTER_4_6],
  ["claude-mythos-5", AFTER_4_6],
];

export function anthropicModelRules(model: string): AnthropicModelRules {
  const match = TABLE.filter(([prefix]) => model.startsWith(prefix)).sort((a, b) => b[0].length - a[0].length)[0];
  return match ? match[1] : FREE;
}
