'use client';

import { useMutation } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { documentTotals, kopecksToString } from '@/lib/document-totals';
import { formatMoney } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import { proposalLineInput } from '@/server/services/documents/schemas';
import { button, field, primaryButton, type CatalogueProduct } from './document-types';
import { emptyLine, ProposalLineFields, type LineDraft } from './proposal-line-fields';

type Target = { kind: 'create'; dealId: number } | { kind: 'edit'; versionId: number; version: number };

/** The totals the server will compute, previewed with the same exact arithmetic (null while a line is unfinished). */
function preview(lines: LineDraft[]) {
  const parsed = lines.map((l) => proposalLineInput.safeParse(l));
  if (parsed.some((p) => !p.success)) return null;
  return documentTotals(parsed.map((p) => p.data!));
}

/** Creates an offer (version 1) or edits a draft version's lines, dates and notes. */
export function ProposalEditor({
  target,
  products,
  currency,
  initial,
  onClose,
}: {
  target: Target;
  products: CatalogueProduct[];
  currency: string;
  initial?: { lines: LineDraft[]; validUntil: string | null; notes: string | null };
  onClose: () => void;
}) {
  const t = useTranslations('proposals.editor');
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState('');
  const [lines, setLines] = useState<LineDraft[]>(initial?.lines ?? [emptyLine()]);
  const [validUntil, setValidUntil] = useState(initial?.validUntil ?? '');
  const [notes, setNotes] = useState(initial?.notes ?? '');
  const [invalid, setInvalid] = useState<Map<number, Set<string>>>(new Map());
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(trpc.proposals.create.mutationOptions());
  const update = useMutation(trpc.proposals.updateDraft.mutationOptions());
  const busy = create.isPending || update.isPending;
  const totals = preview(lines);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setError(null);
    const problems = new Map<number, Set<string>>();
    lines.forEach((line, index) => {
      const result = proposalLineInput.safeParse(line);
      if (!result.success) problems.set(index, new Set(result.error.issues.map((i) => String(i.path[0]))));
    });
    setInvalid(problems);
    if (problems.size > 0 || (target.kind === 'create' && !title.trim())) return setError(t('fixErrors'));
    const common = { items: lines.map((l) => ({ ...l, productId: l.productId ?? null })), validUntil: validUntil || null, notes: notes || null };
    try {
      if (target.kind === 'create') await create.mutateAsync({ dealId: target.dealId, title, ...common });
      else await update.mutateAsync({ versionId: target.versionId, version: target.version, ...common });
      router.refresh();
      onClose();
    } catch (e) {
      setError(errorCodeOf(e) === 'CONFLICT' ? t('conflict') : t('saveFailed'));
    }
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-brand-200 bg-brand-50/30 p-3" aria-label={t(target.kind === 'create' ? 'createTitle' : 'editTitle')}>
      {target.kind === 'create' && (
        <label className="block text-sm font-medium">
          {t('title')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} className={field} />
        </label>
      )}
      {lines.map((line, index) => (
        <ProposalLineFields
          key={index}
          line={line}
          index={index}
          products={products}
          invalid={invalid.get(index) ?? new Set()}
          onChange={(next) => setLines(lines.map((l, i) => (i === index ? next : l)))}
          onRemove={lines.length > 1 ? () => setLines(lines.filter((_, i) => i !== index)) : null}
        />
      ))}
      <button type="button" className={button} onClick={() => setLines([...lines, emptyLine()])}>
        {t('addLine')}
      </button>
      <div className="grid gap-2 sm:grid-cols-2">
        <label className="block text-sm font-medium">
          {t('validUntil')}
          <input type="date" value={validUntil} onChange={(e) => setValidUntil(e.target.value)} className={field} />
        </label>
        <label className="block text-sm font-medium">
          {t('notes')}
          <input value={notes} onChange={(e) => setNotes(e.target.value)} className={field} />
        </label>
      </div>
      <p className="text-sm text-slate-700" data-testid="offer-preview">
        {totals ? t('preview', { total: formatMoney(kopecksToString(totals.total), currency, locale), vat: formatMoney(kopecksToString(totals.vatTotal), currency, locale) }) : t('previewPending')}
      </p>
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={busy} className={primaryButton}>
          {t('save')}
        </button>
        <button type="button" onClick={onClose} className={button}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
