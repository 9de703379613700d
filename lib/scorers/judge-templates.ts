import { createPrompt, deletePrompt } from "@/lib/prompts/prompts";
import { createPromptSchema } from "@/lib/prompts/schemas";
import { createScorer } from "./scorers";
import type { JudgeTemplateId, JudgeFromTemplateInput } from "./schemas";

/**
 * Ready LLM judges. Each is an ordinary Promptly prompt (so it is versioned, edited and run
 * like any other) that receives the variables lib/experiments/run-case.ts gives a judge,
 * `input`, `output`, `expected` and `metadata`, and answers the JSON {score, reason} that
 * lib/scorers/judge.ts reads; a saved scorer pointing at it makes it usable at once.
 */
export interface JudgeTemplate {
  id: JudgeTemplateId;
  name: string;
  description: string;
  system: string;
  user: string;
  threshold: number;
}

const ANSWER_FORMAT = 'Answer with one JSON object and nothing else: {"score": <a number from 0 to 1>, "reason": "<one or two sentences>"}.';

export const JUDGE_TEMPLATES: readonly JudgeTemplate[] = [
  {
    id: "correctness",
    name: "Correctness judge",
    description: "Scores the answer against the expected one: same facts and conclusion, whatever the wording.",
    system: [
      "You grade an AI assistant's answer against a reference answer.",
      "Score 1 when the answer states the same facts and conclusion as the reference (wording, order and extra politeness do not matter), 0.5 when it is partly right or incomplete, 0 when it is wrong, contradicts the reference or does not answer.",
      ANSWER_FORMAT,
    ].join("\n"),
    user: "Input variables:\n{{input}}\n\nReference answer:\n{{expected}}\n\nAnswer to grade:\n{{output}}",
    threshold: 0.8,
  },
  {
    id: "rubric",
    name: "Rubric judge",
    description: "Scores the answer on a written rubric: helpfulness, accuracy, tone and format. Edit the rubric in the prompt.",
    system: [
      "You grade an AI assistant's answer with this rubric, each point worth a quarter of the score:",
      "1. Helpful: it answers what was asked, completely.",
      "2. Accurate: nothing in it is false or invented.",
      "3. Tone: clear, polite and concise.",
      "4. Format: it follows any format the input or the metadata asks for.",
      "A reference answer, when given, shows what a good answer contains.",
      ANSWER_FORMAT,
    ].join("\n"),
    user: "Input variables:\n{{input}}\n\nMetadata:\n{{metadata}}\n\nReference answer (may be empty):\n{{expected}}\n\nAnswer to grade:\n{{output}}",
    threshold: 0.75,
  },
];

export function listJudgeTemplates() {
  return { data: JUDGE_TEMPLATES.map(({ id, name, description, threshold }) => ({ id, name, description, threshold })) };
}

/** Creates the judge prompt in the chosen folder and a saved scorer using it; answers both. */
export async function createJudgeFromTemplate(input: JudgeFromTemplateInput, createdById: string | null) {
  const template = JUDGE_TEMPLATES.find((t) => t.id === input.template)!;
  const name = input.name ?? template.name;
  const prompt = await createPrompt(
    createPromptSchema.parse({
      name,
      collection_id: input.collection_id ?? null,
      string: JSON.stringify([
        { role: "system", content: template.system },
        { role: "user", content: template.user },
      ]),
      model: input.model,
      virtual_key: input.virtual_key ?? null,
      parameters: { temperature: 0 },
      version_description: `From the ${template.name.toLowerCase()} template`,
    }),
    createdById,
  );
  try {
    const scorer = await createScorer({
      name,
      collection_id: input.collection_id ?? null,
      description: template.description,
      definition: { type: "llm_judge", prompt: prompt.id },
      threshold: template.threshold,
    });
    return { prompt, scorer };
  } catch (error) {
    // A scorer of that name already in the folder: leave no judge prompt behind.
    await deletePrompt(prompt.id, { force: true });
    throw error;
  }
}
