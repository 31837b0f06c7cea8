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
  // The standalone folder is what ships (`npm run package`): no tests, test scripts or maps. The
  // globs match anywhere in a path (a bare `dist/**` would drop node_modules/*/dist), so they are narrow;
  // scripts/package removes the project's own test folders that tracing lets through.
  outputFileTracingExcludes: {
    '*': ['**/*.test.ts', '**/*.map', 'scripts/test-env*/**', '.test-env/**'],
  },
  experimental: {
    // A draft carries PEM bundles (up to 1 MiB each) and an import two YAML files.
    serverActions: { bodySizeLimit: '8mb' },
  },
};

export default nextConfig;
