import { useTranslations } from 'next-intl';

/** «New» until the first won deal, «returning» afterwards. */
export function ClientStatusBadge({ returning }: { returning: boolean }) {
  const t = useTranslations('clients');
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${returning ? 'bg-violet-50 text-violet-800' : 'bg-sky-50 text-sky-800'}`}>
      {returning ? t('returning') : t('new')}
    </span>
  );
}
