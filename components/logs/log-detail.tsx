import Link from "next/link";
import type { ReactNode } from "react";
import type { LogDetail } from "@/lib/logs/schemas";
import { formatCost } from "@/lib/costs/format";
import { answerText, answerToolCalls, formatCount, formatMs, requestMessages, requestPrompt } from "./format";
import { JsonBlock } from "./json-block";
import { LogStatusBadge, VersionBadge } from "./log-status-badge";

export function LogDetailView({ log }: { log: LogDetail }) {
  const messages = requestMessages(log.request);
  const prompt = requestPrompt(log.request);
  const answer = answerText(log.response);
  const toolCalls = answerToolCalls(log.response);
  return (
    <div className="space-y-6" data-testid="log-detail-body" data-log-id={log.id}>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3">
        <Fact label="Status">
          <LogStatusBadge status={log.status} httpStatus={log.http_status} testId="log-detail-status" />
        </Fact>
        <Fact label="Prompt">
          {log.prompt_id ? (
            <Link href={`/prompts/${log.prompt_id}`} className="font-mono text-xs text-indigo-600 hover:underline dark:text-indigo-400">
              {log.prompt_slug ?? log.prompt_id}
            </Link>
          ) : (
            "—"
          )}
        </Fact>
        <Fact label="Version" testId="log-detail-version">
          <VersionBadge version={log.prompt_version} isDraft={log.is_draft} />
          {log.is_draft && log.prompt_version ? <span className="ml-1 text-xs text-zinc-500">based on v{log.prompt_version}</span> : null}
          {log.label ? <span className="ml-1 font-mono text-xs text-zinc-500" data-testid="log-detail-label">@{log.label}</span> : null}
        </Fact>
        <Fact label="Model">
          <span className="font-mono text-xs">{log.model ?? "—"}</span>
          <span className="text-xs text-zinc-500"> · {log.provider ?? "?"}</span>
        </Fact>
        <Fact label="Latency" testId="log-detail-latency">{formatMs(log.latency_ms)}</Fact>
        <Fact label="Time to first token" testId="log-detail-ttft">{log.stream ? formatMs(log.ttft_ms) : "— (not streamed)"}</Fact>
        <Fact label={log.stream ? "Upstream (to first byte)" : "Upstream"} testId="log-detail-upstream">{formatMs(log.upstream_ms)}</Fact>
        <Fact label="Retries" testId="log-detail-retries">{log.retries ?? "—"}</Fact>
        <Fact label="Tokens (prompt / completion / total)" testId="log-detail-usage">
          <span className="tabular-nums">
            {formatCount(log.usage.prompt_tokens)} / {formatCount(log.usage.completion_tokens)} / {formatCount(log.usage.total_tokens)}
          </span>
        </Fact>
        <Fact label="Cost" testId="log-detail-cost">
          <span className="tabular-nums">{formatCost(log.cost_usd)}</span>
          {log.usage.cached_tokens ? <span className="text-xs text-zinc-500"> · {formatCount(log.usage.cached_tokens)} cached prompt tokens</span> : null}
          {log.cost_usd === null ? <span className="text-xs text-zinc-500"> (no price for this model, or no usage reported)</span> : null}
        </Fact>
        <Fact label="Finish reason">{log.finish_reason ?? "—"}</Fact>
        <Fact label="Caller">{log.api_key_id ? "API key" : log.user_id ? "Signed-in user (playground)" : "—"}</Fact>
      </dl>

      <Section title="Metadata">
        {log.metadata ? (
          <dl className="flex flex-wrap gap-2 text-xs" data-testid="log-detail-metadata">
            {Object.entries(log.metadata).map(([key, value]) => (
              <div key={key} className="rounded-md border border-zinc-200 px-2 py-1 dark:border-zinc-800">
                <dt className="inline font-mono text-zinc-500">{key}</dt> <dd className="inline font-mono">{value}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-zinc-400 italic">No metadata (x-portkey-metadata)</p>
        )}
      </Section>

      <Section title="Feedback">
        {log.feedback.length > 0 ? (
          <ul className="space-y-1 text-sm" data-testid="log-detail-feedback">
            {log.feedback.map((entry) => (
              <li key={entry.id} data-testid="log-detail-feedback-entry" className="flex flex-wrap items-baseline gap-2">
                <span className={`font-semibold tabular-nums ${entry.value > 0 ? "text-green-700 dark:text-green-400" : entry.value < 0 ? "text-red-700 dark:text-red-400" : ""}`}>
                  {entry.value > 0 ? `+${entry.value}` : entry.value}
                </span>
                {entry.weight !== 1 ? <span className="text-xs text-zinc-500">weight {entry.weight}</span> : null}
                <span className="text-xs text-zinc-500">{new Date(entry.updated_at).toLocaleString()}</span>
                {entry.metadata ? <code className="text-xs break-all text-zinc-600 dark:text-zinc-400">{JSON.stringify(entry.metadata)}</code> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-400 italic">No feedback for trace {log.trace_id}</p>
        )}
      </Section>

      <Section title="Variables">
        <JsonBlock value={log.variables} testId="log-detail-variables" empty="No variables" />
      </Section>

      <Section title="Rendered request">
        <div data-testid="log-detail-request" className="space-y-2">
          {messages?.map((message, i) => (
            <div key={i} className="rounded-md border border-zinc-200 dark:border-zinc-800">
              <div className="border-b border-zinc-200 px-3 py-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:border-zinc-800">{message.role}</div>
              <p className="px-3 py-2 text-sm whitespace-pre-wrap break-words">{message.content}</p>
            </div>
          ))}
          {prompt !== null ? <JsonBlock value={prompt} /> : null}
          <details className="text-sm">
            <summary className="cursor-pointer text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">Full request body</summary>
            <div className="mt-2">
              <JsonBlock value={log.request} testId="log-detail-request-json" />
            </div>
          </details>
        </div>
      </Section>

      <Section title={log.error ? "Error" : "Response"}>
        {log.error ? (
          <p data-testid="log-detail-error" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
            {log.error}
          </p>
        ) : null}
        <div data-testid="log-detail-response" className="space-y-2">
          {answer !== null ? <p className="rounded-md border border-zinc-200 px-3 py-2 text-sm whitespace-pre-wrap break-words dark:border-zinc-800">{answer}</p> : null}
          {toolCalls.length > 0 ? (
            <ul className="space-y-1" data-testid="log-detail-tool-calls">
              {toolCalls.map((call, i) => (
                <li key={i} className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
                  <span className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Tool call</span> <span className="font-mono">{call.name}</span>
                  <code className="mt-1 block text-xs break-all text-zinc-600 dark:text-zinc-400">{call.arguments}</code>
                </li>
              ))}
            </ul>
          ) : null}
          {log.response ? (
            <details className="text-sm" open={answer === null}>
              <summary className="cursor-pointer text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200">Full response body</summary>
              <div className="mt-2">
                <JsonBlock value={log.response} testId="log-detail-response-json" />
              </div>
            </details>
          ) : !log.error ? (
            <p className="text-sm text-zinc-400 italic">{log.status === "cancelled" ? "Cancelled before an answer arrived" : "No response recorded"}</p>
          ) : null}
        </div>
      </Section>
    </div>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div>
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className="mt-0.5" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <h3 className="mb-2 text-sm font-semibold">{title}</h3>
      {children}
    </section>
  );
}
