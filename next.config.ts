import type { NextConfig } from 'next';

/**
 * The wizard runs inside sites with no internet: it is built as a standalone
 * folder, loads no remote fonts, scripts or images, and never phones home.
 */
const nextConfig: NextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ['@kubernetes/client-node'],
  images: { unoptimized: true },
  experimental: {
    // A draft carries PEM bundles (up to 1 MiB each) and an import two YAML files.
    serverActions: { bodySizeLimit: '8mb' },
  },
};

export default nextConfig;
