'use client';

import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useState } from 'react';
import { formatDate } from '@/lib/format';
import type { RouterOutputs } from '@/lib/trpc/types';
import type { MergeEntity, MergeRecordsInput } from '@/server/services/merges/schemas';
import { chosenFields, differingFields, displayValue, optionsOf, selectedOption, type ChoiceValue } from './merge-choices';

type Group = RouterOutputs['merges']['duplicateGroups']['groups'][number];
type DuplicateRecord = Group['records'][number];

const RECORD_PATH: Record<MergeEntity, string> = { lead: '/leads', contact: '/contacts', company: '/companies' };
const KEY_FIELDS: Record<MergeEntity, string[]> = { lead: ['personName', 'phone', 'email', 'companyName'], contact: [], company: ['inn'] };

/**
 * One group of duplicates: pick the record to keep, which records take part, and per differing
 * field which value stays; then confirm. Phones and e-mails of contacts and companies are united.
 */
export function GroupCard({
  entity,
  group,
  canMerge,
  busy,
  onMerge,
}: {
  entity: MergeEntity;
  group: Group;
  canMerge: boolean;
  busy: boolean;
  onMerge: (input: MergeRecordsInput, survivorLabel: string) => void;
}) {
  const t = useTranslations('merges');
  const tLeads = useTranslations('leads');
  const locale = useLocale();
  const [survivorId, setSurvivorId] = useState(group.records[0]?.id ?? 0);
  const [excluded, setExcluded] = useState<Set<number>>(new Set());
  const [picks, setPicks] = useState<Record<string, number>>({});
  const [confirming, setConfirming] = useState(false);
  const included = group.records.filter((record) => !excluded.has(record.id) || record.id === survivorId);
  const fields = differingFields(entity, included);
  const survivor = group.records.find((record) => record.id === survivorId);
  const show = (value: ChoiceValue, field: string) => {
    const text = displayValue(value, locale);
    if (text === null) return <span className="text-slate-400">{t('empty')}</span>;
    return field === 'birthday' ? formatDate(text, locale) : text;
  };
  const toggle = (id: number) =>
    setExcluded((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const submit = () =>
    onMerge(
      {
        entity,
        survivorId,
        records: included.map((record) => ({ id: record.id, version: record.version })),
        fields: chosenFields(entity, survivorId, included, picks),
      },
      survivor?.label ?? '',
    );

  return (
    <article className="space-y-3 rounded-xl border border-slate-200 bg-white p-3 sm:p-4" data-testid="duplicate-group">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold">
          {t('groupTitle', { count: group.records.length, matched: group.matchedOn.map((kind) => t(`matchedOn.${kind}`)).join(', ') })}
        </h2>
      </header>

      <ul className="space-y-2">
        {group.records.map((record) => (
          <RecordRow
            key={record.id}
            entity={entity}
            record={record}
            groupKey={group.key}
            canMerge={canMerge}
            isSurvivor={record.id === survivorId}
            isIncluded={included.some((r) => r.id === record.id)}
            onKeep={() => { setSurvivorId(record.id); setConfirming(false); }}
            onToggle={() => { toggle(record.id); setConfirming(false); }}
            statusLabel={record.status ? tLeads(`status.${record.status}`) : null}
          />
        ))}
      </ul>

      {canMerge && (
        <>
          {entity !== 'lead' && <p className="text-xs text-slate-500">{t('channelsKept')}</p>}
          {fields.length > 0 ? (
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">{t('choose')}</legend>
              {fields.map((field) => {
                const chosen = selectedOption(field, survivorId, included, picks);
                return (
                  <div key={field} role="radiogroup" aria-label={t(`fields.${field}`)} className="rounded-lg bg-slate-50 p-2">
                    <div className="mb-1 text-xs font-medium text-slate-600">{t(`fields.${field}`)}</div>
                    <div className="flex flex-col gap-1 sm:flex-row sm:flex-wrap sm:gap-x-4">
                      {optionsOf(field, included).map((option) => (
                        <label key={option.recordId} className="flex min-w-0 items-start gap-2 text-sm">
                          <input
                            type="radio"
                            name={`${group.key}:${field}`}
                            checked={chosen === option.recordId}
                            onChange={() => { setPicks((current) => ({ ...current, [field]: option.recordId })); setConfirming(false); }}
                            className="mt-1 shrink-0"
                          />
                          <span className="min-w-0 break-words">{show(option.value, field)}</span>
                        </label>
                      ))}
                    </div>
                  </div>
                );
              })}
            </fieldset>
          ) : (
            <p className="text-xs text-slate-500">{t('allSame')}</p>
          )}

          {included.length < 2 ? (
            <p className="text-sm text-amber-700">{t('needTwo')}</p>
          ) : confirming ? (
            <div role="alertdialog" aria-labelledby={`${group.key}-confirm`} className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3">
              <p id={`${group.key}-confirm`} className="text-sm font-semibold">{t('confirmTitle', { count: included.length, label: survivor?.label ?? '' })}</p>
              <p className="text-sm text-slate-700">{t('confirmText')}</p>
              <div className="flex flex-wrap justify-end gap-2">
                <button type="button" onClick={() => setConfirming(false)} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm">{t('cancel')}</button>
                <button type="button" disabled={busy} onClick={submit} className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60" data-testid="confirm-merge">
                  {t('confirm')}
                </button>
              </div>
            </div>
          ) : (
            <div className="flex justify-end">
              <button type="button" onClick={() => setConfirming(true)} className="w-full rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700 sm:w-auto" data-testid="merge-group">
                {t('mergeButton', { count: included.length })}
              </button>
            </div>
          )}
        </>
      )}
    </article>
  );
}

function RecordRow({
  entity,
  record,
  groupKey,
  canMerge,
  isSurvivor,
  isIncluded,
  onKeep,
  onToggle,
  statusLabel,
}: {
  entity: MergeEntity;
  record: DuplicateRecord;
  groupKey: string;
  canMerge: boolean;
  isSurvivor: boolean;
  isIncluded: boolean;
  onKeep: () => void;
  onToggle: () => void;
  statusLabel: string | null;
}) {
  const t = useTranslations('merges');
  const locale = useLocale();
  // What the records were matched on, so a person sees why they are in one group.
  const facts = KEY_FIELDS[entity].map((field) => displayValue(record.values[field] ?? null, locale)).filter(Boolean);
  const channels = [...facts, ...record.phones, ...record.emails];
  return (
    <li className={`rounded-lg border p-2.5 ${isSurvivor && canMerge ? 'border-brand-600 bg-brand-50' : 'border-slate-200'} ${isIncluded ? '' : 'opacity-60'}`} data-testid="duplicate-record" data-record-id={record.id}>
      <div className="flex items-start gap-2">
        {canMerge && (
          <input type="radio" name={`${groupKey}:survivor`} checked={isSurvivor} onChange={onKeep} aria-label={t('keepRecord', { label: record.label })} className="mt-1 shrink-0" />
        )}
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-baseline gap-x-2">
            <Link href={`${RECORD_PATH[entity]}/${record.id}`} className="break-words font-medium text-brand-700 hover:underline">{record.label}</Link>
            {isSurvivor && canMerge && <span className="text-xs font-medium text-brand-700">{t('keep')}</span>}
            {statusLabel && <span className="text-xs text-slate-500">{statusLabel}</span>}
          </div>
          <div className="text-xs text-slate-500">
            {[record.ownerName ?? t('noOwner'), t('created', { date: formatDate(record.createdAt, locale) })].join(' · ')}
          </div>
          {channels.length > 0 && <div className="break-words text-xs text-slate-600">{channels.join(' · ')}</div>}
        </div>
        {canMerge && !isSurvivor && (
          <label className="flex shrink-0 items-center gap-1 text-xs text-slate-600">
            <input type="checkbox" checked={isIncluded} onChange={onToggle} />
            {t('include')}
          </label>
        )}
      </div>
    </li>
  );
}
