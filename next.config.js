/** @type {import('next').NextConfig} */
const nextConfig = {
  // Promptly is self-hosted and often behind a proxy: no telemetry, no powered-by header.
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
};

module.exports = nextConfig;
