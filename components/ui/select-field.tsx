import type { SelectHTMLAttributes } from "react";
import { inputClass } from "./text-field";

/** A labelled native <select>: keyboard and screen-reader behaviour come with it. */
export function SelectField({ label, id, children, ...props }: SelectHTMLAttributes<HTMLSelectElement> & { label: string; id: string }) {
  return (
    <label htmlFor={id} className="block space-y-1">
      <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{label}</span>
      <select id={id} {...props} className={`${inputClass} pr-8 disabled:cursor-not-allowed disabled:opacity-60`}>
        {children}
      </select>
    </label>
  );
}
