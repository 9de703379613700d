import { isImportContentType } from "@/lib/core/http/body-limit";
import type { ImportFormat } from "./parse-import";

/** The import a request's content type asks for; null for JSON (items in the body). */
export function importFormatOf(contentType: string | null): ImportFormat | null {
  if (!isImportContentType(contentType)) return null;
  return (contentType ?? "").toLowerCase().trim().startsWith("text/csv") ? "csv" : "jsonl";
}
