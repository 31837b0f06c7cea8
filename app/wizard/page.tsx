import { redirect } from 'next/navigation';

export default function WizardIndex() {
  redirect('/wizard/start');
}
