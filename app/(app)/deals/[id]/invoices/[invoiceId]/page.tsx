import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { InvoiceSheet } from '@/components/documents/invoice-sheet';
import { PrintFrame } from '@/components/documents/print-frame';
import { getQueryClient, trpc } from '@/lib/trpc/server';
import { requireSection } from '@/server/auth/page-access';

type Props = { params: Promise<{ id: string; invoiceId: string }>; searchParams: Promise<{ lang?: string }> };

async function load(params: Props['params']) {
  const { id, invoiceId } = await params;
  const dealId = Number(id);
  const invoiceNo = Number(invoiceId);
  if (!Number.isInteger(invoiceNo) || invoiceNo <= 0) notFound();
  try {
    const invoice = await getQueryClient().fetchQuery(trpc.invoices.document.queryOptions({ invoiceId: invoiceNo }));
    if (invoice.dealId !== dealId) notFound();
    return invoice;
  } catch {
    notFound(); // outside the scope looks exactly like missing
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const invoice = await load(params);
  return { title: `Счёт №${invoice.number}` };
}

/** An invoice as a printable sheet (paper or "Save as PDF"), in Russian or English. */
export default async function InvoicePrintPage({ params, searchParams }: Props) {
  await requireSection('deals');
  const invoice = await load(params);
  const lang = (await searchParams).lang === 'en' ? 'en' : 'ru';
  const t = await getTranslations('invoices.print');
  const base = `/deals/${invoice.dealId}/invoices/${invoice.id}`;
  return (
    <PrintFrame
      backHref={`/deals/${invoice.dealId}`}
      backLabel={t('back')}
      printLabel={t('printButton')}
      languages={[
        { href: `${base}?lang=ru`, label: 'Русский', current: lang === 'ru' },
        { href: `${base}?lang=en`, label: 'English', current: lang === 'en' },
      ]}
    >
      <InvoiceSheet invoice={invoice} lang={lang} />
    </PrintFrame>
  );
}
