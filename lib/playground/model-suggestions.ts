/**
 * Model names offered in the model field for a key's provider. Suggestions only: the field
 * is free text, so new models and local ones work without a release.
 */
const SUGGESTIONS: Record<string, string[]> = {
  openai: ["gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o", "gpt-4o-mini", "o4-mini", "o3", "o3-mini", "gpt-3.5-turbo-instruct"],
  "azure-openai": ["gpt-4.1", "gpt-4o", "gpt-4o-mini", "o4-mini"],
  groq: ["llama-3.3-70b-versatile", "llama-3.1-8b-instant", "gemma2-9b-it", "deepseek-r1-distill-llama-70b"],
  "mistral-ai": ["mistral-large-latest", "mistral-medium-latest", "mistral-small-latest", "open-mistral-nemo", "codestral-latest"],
  "together-ai": ["meta-llama/Llama-3.3-70B-Instruct-Turbo", "Qwen/Qwen2.5-72B-Instruct-Turbo", "deepseek-ai/DeepSeek-V3", "mistralai/Mixtral-8x7B-Instruct-v0.1"],
  deepseek: ["deepseek-chat", "deepseek-reasoner"],
  openrouter: ["openai/gpt-4o-mini", "anthropic/claude-3.5-sonnet", "google/gemini-2.0-flash-001", "meta-llama/llama-3.3-70b-instruct"],
  ollama: ["llama3.2", "llama3.1", "qwen2.5", "mistral", "gemma3", "phi4"],
  "openai-compatible": [],
};

export function modelSuggestions(provider: string | null | undefined): string[] {
  return provider ? (SUGGESTIONS[provider] ?? []) : [];
}
