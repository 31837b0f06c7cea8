import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The vendor's real chart archives (WANDB_VENDOR_DIR/charts, default ../shared/vendor/charts),
 * read in place: never copied into the project.
 */
export const VENDOR_DIR = process.env.WANDB_VENDOR_DIR ?? path.resolve(process.cwd(), '../shared/vendor');
export const VENDOR_CHARTS_DIR = path.join(VENDOR_DIR, 'charts');
export const HAVE_VENDOR_CHARTS = existsSync(VENDOR_CHARTS_DIR);
/** Why the tests that need the real charts are skipped. */
export const NO_VENDOR_CHARTS = `the vendor's charts are absent (${VENDOR_CHARTS_DIR}; set WANDB_VENDOR_DIR)`;

/** The path of `<name>-<version>.tgz` among the vendor's charts. */
export function vendorChartPath(name: string, version: string): string {
  return path.join(VENDOR_CHARTS_DIR, `${name}-${version}.tgz`);
}

/** The bytes of `<name>-<version>.tgz` among the vendor's charts. */
export function vendorChart(name: string, version: string): Uint8Array {
  return readFileSync(vendorChartPath(name, version));
}
