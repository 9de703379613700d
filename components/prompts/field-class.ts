import { inputClass } from "@/components/ui/text-field";

/** The shared input look without its full width, for fields sized by their container. */
export const fieldClass = inputClass.replace(/\bw-full\b/, "").trim();
