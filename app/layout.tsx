import type { Metadata } from "next";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/layout/query-provider";
import { themeInitScript } from "@/components/layout/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Promptly", template: "%s · Promptly" },
  description: "Self-hosted prompt management, playground and completion gateway",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Runs before paint so the page never flashes the wrong theme. */}
        <script dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body className="min-h-screen font-sans">
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
