import { ErrorAlert } from "@/components/ui/alert";

/** A list that failed to load: the API's message and a way to try again. */
export function QueryError({ error, onRetry, testId }: { error: Error; onRetry: () => void; testId: string }) {
  return (
    <ErrorAlert testId={testId}>
      {error.message}{" "}
      <button type="button" onClick={onRetry} className="font-medium underline underline-offset-2">
        Try again
      </button>
    </ErrorAlert>
  );
}
