'use client';

import Link from 'next/link';

import { useT } from '@/components/ui/i18n-context';

import { fieldHref, fieldLabel } from './field-labels';

/** Form paths as the user knows them: each field's label, a link to it on its step. */
export function FieldLinks({ paths }: { paths: readonly string[] }) {
  const t = useT();
  return (
    <ul>
      {paths.map((path) => (
        <li key={path}>
          <Link href={fieldHref(path)} prefetch={false} data-field={path}>
            {fieldLabel(path, t)}
          </Link>
        </li>
      ))}
    </ul>
  );
}
