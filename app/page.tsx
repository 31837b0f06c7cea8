import { redirect } from 'next/navigation';

/** The wizard starts at its first step. */
export default function HomePage() {
  redirect('/wizard/start');
}
