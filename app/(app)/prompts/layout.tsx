import type { ReactNode } from "react";
import { ToastProvider } from "@/components/prompts/toast";

// Prompt pages report every save, publish and move with a toast.
export default function PromptsLayout({ children }: { children: ReactNode }) {
  return <ToastProvider>{children}</ToastProvider>;
}
