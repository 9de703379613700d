import type { SVGProps } from "react";

// A few stroke icons (24-unit grid, drawn at 16 px), inline so nothing is fetched.
const PATHS = {
  folder: "M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z",
  folderOpen: "M3 7a2 2 0 0 1 2-2h4l2 2h6a2 2 0 0 1 2 2v1H7.5a2 2 0 0 0-1.9 1.4L3 19zM3 19l2.6-7.6A2 2 0 0 1 7.5 10H21l-2.6 7.6A2 2 0 0 1 16.5 19z",
  chevronRight: "M9 6l6 6-6 6",
  chevronDown: "M6 9l6 6 6-6",
  plus: "M12 5v14M5 12h14",
  more: "M5 12h.01M12 12h.01M19 12h.01",
  search: "M11 19a8 8 0 1 0 0-16 8 8 0 0 0 0 16zM21 21l-4.3-4.3",
  play: "M7 4v16l13-8z",
  stop: "M6 6h12v12H6z",
  copy: "M9 9h10v10H9zM5 15V5h10",
  history: "M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5M12 7v5l3 2",
  code: "M8 7l-5 5 5 5M16 7l5 5-5 5",
  columns: "M4 4h16v16H4zM12 4v16",
  x: "M6 6l12 12M18 6L6 18",
  check: "M5 12l5 5 9-10",
  warning: "M12 3l10 18H2zM12 10v4M12 17h.01",
  arrowUp: "M12 19V5M6 11l6-6 6 6",
  arrowDown: "M12 5v14M18 13l-6 6-6-6",
  trash: "M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3",
  pencil: "M4 20h4L19 9l-4-4L4 16zM14 6l4 4",
  move: "M5 12h14M13 6l6 6-6 6",
  file: "M7 3h7l5 5v13H7zM14 3v5h5",
  tag: "M3 12V3h9l9 9-9 9zM7.5 7.5h.01",
  diff: "M12 3v18M5 8h4M7 6v4M15 16h4",
  save: "M5 3h11l3 3v15H5zM8 3v5h7V3M8 21v-7h8v7",
  upload: "M12 16V4M6 10l6-6 6 6M4 20h16",
  sparkle: "M12 3l2 6 6 2-6 2-2 6-2-6-6-2 6-2z",
  eye: "M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12zM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6z",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name, className = "h-4 w-4", ...props }: { name: IconName } & SVGProps<SVGSVGElement>) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden className={className} {...props}>
      <path d={PATHS[name]} />
    </svg>
  );
}
