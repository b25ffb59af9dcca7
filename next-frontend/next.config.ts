import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // ESLint is not part of this package; type checking still runs during `next build`.
  eslint: { ignoreDuringBuilds: true },
};

export default nextConfig;
