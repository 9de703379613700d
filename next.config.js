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

module.exports = nextConfig;
