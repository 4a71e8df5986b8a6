import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OfferSheet } from '@/components/documents/offer-sheet';
import { PrintFrame } from '@/components/documents/print-frame';
import { getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

type Props = { params: Promise<{ id: string; versionId: string }>; searchParams: Promise<{ lang?: string }> };

async function load(params: Props['params']) {
  const { id, versionId } = await params;
  const dealId = Number(id);
  const version = Number(versionId);
  if (!Number.isInteger(version) || version <= 0) notFound();
  try {
    const offer = await getQueryClient().fetchQuery(trpc.proposals.document.queryOptions({ versionId: version }));
    if (offer.dealId !== dealId) notFound();
    return offer;
  } catch {
    notFound(); // outside the scope looks exactly like missing
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const offer = await load(params);
  return { title: `КП №${offer.number} v${offer.version.versionNo}` };
}

/** A commercial offer version as a printable sheet (paper or "Save as PDF"), in Russian or English. */
export default async function OfferPrintPage({ params, searchParams }: Props) {
  await requireSection('deals');
  const offer = await load(params);
  const lang = (await searchParams).lang === 'en' ? 'en' : 'ru';
  const t = await getTranslations('proposals.print');
  const base = `/deals/${offer.dealId}/offers/${offer.version.id}`;
  return (
    <PrintFrame
      backHref={`/deals/${offer.dealId}`}
      backLabel={t('back')}
      printLabel={t('printButton')}
      languages={[
        { href: `${base}?lang=ru`, label: 'Русский', current: lang === 'ru' },
        { href: `${base}?lang=en`, label: 'English', current: lang === 'en' },
      ]}
    >
      <OfferSheet offer={offer} lang={lang} />
    </PrintFrame>
  );
}
