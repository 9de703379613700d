/** @type {import('next').NextConfig} */
const nextConfig = {
  // Promptly is self-hosted and often behind a proxy: no telemetry, no powered-by header.
  poweredByHeader: false,
  reactStrictMode: true,
  // Compression would hold back SSE tokens until a buffer fills; a proxy in front can compress.
  compress: false,
  // Types are checked by `npm test` (tsc over the whole repo, tests included); checking them
  // again in every build would only make `npm start` slower.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

// The app loads nothing from elsewhere: scripts, styles, fonts and editors are bundled.
// Next's App Router inlines bootstrap scripts, hence 'unsafe-inline' (no nonces: pages are
// served dynamically and nothing user-controlled is rendered as HTML). Dev mode needs eval.
const dev = process.env.NODE_ENV !== "production";
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  `connect-src 'self'${dev ? " ws: wss:" : ""}`,
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

nextConfig.headers = async () => [
  {
    source: "/:path*",
    headers: [
      { key: "Content-Security-Policy", value: contentSecurityPolicy },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ],
  },
];

module.exports = nextConfig;
