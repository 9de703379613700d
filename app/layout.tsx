import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/layout/query-provider";
import { themeInitScript } from "@/components/layout/theme";
import { NONCE_HEADER } from "@/lib/core/http/content-security-policy";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Promptly", template: "%s · Promptly" },
  description: "Self-hosted prompt management, playground and completion gateway",
};

// Reading the request's CSP nonce (proxy.ts) makes every page dynamic, as nonces need.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Runs before paint so the page never flashes the wrong theme. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body className="min-h-screen font-sans">
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
