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

// Content-Security-Policy is not set here: pages get one with a fresh nonce per request
// (proxy.ts), JSON answers a policy that allows nothing (lib/core/http/request-guard.ts), both
// written in lib/core/http/content-security-policy.ts.
nextConfig.headers = async () => [
  {
    source: "/:path*",
    headers: [
      { key: "X-Frame-Options", value: "DENY" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    ],
  },
];

module.exports = nextConfig;
