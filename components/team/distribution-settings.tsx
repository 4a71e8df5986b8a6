'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { ABSENCE_KINDS, type AbsenceKind } from '@/db/schema/enums';
import { formatDate } from '@/lib/format';
import { useTRPC } from '@/lib/trpc/client';
import { errorCodeOf } from '@/lib/trpc/errors';
import type { RouterOutputs } from '@/lib/trpc/types';

type Member = RouterOutputs['distribution']['settings']['members'][number];
type Absence = Member['absences'][number];

const DAYS = [1, 2, 3, 4, 5, 6, 7];
const input = 'w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm disabled:bg-slate-50';
const label = 'mb-1 block text-xs font-medium text-slate-500';
/** The wide-screen table: manager, weight, cap, working hours, save. */
const columns = 'lg:grid lg:grid-cols-[minmax(11rem,1.3fr)_5.5rem_7.5rem_minmax(16rem,2fr)_8.5rem] lg:items-start lg:gap-4';

/** Today in the organisation's time zone (the one the server uses for working hours and absences). */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Moscow' }).format(new Date());
}

/** Short weekday names by locale, 1 = Monday (2024-01-01 was a Monday). */
function weekdayNames(locale: string): Record<number, string> {
  const format = new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', { weekday: 'short', timeZone: 'UTC' });
  return Object.fromEntries(DAYS.map((day) => [day, format.format(new Date(Date.UTC(2024, 0, day)))]));
}

/** "Mon–Fri", "Mon, Wed, Sat–Sun": runs of consecutive days joined with a dash. */
function daysSummary(days: number[], names: Record<number, string>): string {
  const sorted = [...days].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    runs.push(j - i >= 2 ? `${names[sorted[i]!]}–${names[sorted[j]!]}` : sorted.slice(i, j + 1).map((d) => names[d]).join(', '));
    i = j + 1;
  }
  return runs.join(', ');
}

/** Lead distribution per manager of one team: weight, cap, working hours, absences; and whether it works. */
export function DistributionSettings({ teams, canEdit }: { teams: RouterOutputs['reference']['teams']; canEdit: boolean }) {
  const t = useTranslations('distribution');
  const trpc = useTRPC();
  const [teamId, setTeamId] = useState<number | undefined>(teams[0]?.id);
  const { data, isError } = useQuery({ ...trpc.distribution.settings.queryOptions({ teamId }), placeholderData: keepPreviousData });
  return (
    <section className="space-y-3" aria-label={t('title')} data-testid="distribution-settings">
      {teams.length > 1 && (
        <div className="flex flex-wrap items-center gap-2">
          <select value={teamId ?? ''} onChange={(e) => setTeamId(Number(e.target.value))} aria-label={t('team')} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
            {teams.map((team) => <option key={team.id} value={team.id}>{team.name}</option>)}
          </select>
          <span className="text-xs text-slate-500">{t('perTeam')}</span>
        </div>
      )}
      {isError && <p role="alert" className="text-sm text-rose-700">{t('loadFailed')}</p>}
      {data && data.teamId === null && <p className="text-sm text-slate-500">{t('noTeam')}</p>}
      {data && data.teamId !== null && data.members.length === 0 && <p className="text-sm text-slate-500">{t('noMembers')}</p>}
      {data && data.members.length > 0 && (
        <div className="lg:rounded-xl lg:border lg:border-slate-200 lg:bg-white">
          <div className={`hidden bg-slate-50 px-3 py-2 text-xs font-medium uppercase tracking-wide text-slate-500 lg:grid lg:rounded-t-xl ${columns}`} aria-hidden>
            <span>{t('manager')}</span>
            <span>{t('weight')}</span>
            <span>{t('cap')}</span>
            <span>{t('hours')}</span>
            <span />
          </div>
          <ul className="space-y-3 lg:space-y-0 lg:divide-y lg:divide-slate-100">
            {data.members.map((member) => <MemberRow key={member.id} member={member} canEdit={canEdit} />)}
          </ul>
        </div>
      )}
      <p className="text-xs text-slate-500">{t('weightHint')} {t('footnote')}</p>
    </section>
  );
}

interface Draft {
  weight: string;
  cap: string;
  always: boolean;
  days: number[];
  from: string;
  to: string;
}

function draftOf(member: Member): Draft {
  return {
    weight: String(member.leadWeight),
    cap: member.openLeadCap === null ? '' : String(member.openLeadCap),
    always: member.workSchedule === null,
    days: member.workSchedule?.days ?? [1, 2, 3, 4, 5],
    from: member.workSchedule?.from ?? '09:00',
    to: member.workSchedule?.to ?? '18:00',
  };
}

function sameDraft(a: Draft, b: Draft): boolean {
  if (a.weight.trim() !== b.weight.trim() || a.cap.trim() !== b.cap.trim() || a.always !== b.always) return false;
  if (a.always) return true;
  return a.from === b.from && a.to === b.to && [...a.days].sort().join() === [...b.days].sort().join();
}

type FieldError = 'weight' | 'cap' | 'days' | 'hours';

/** The values to send, or which fields are wrong. */
function parseDraft(draft: Draft): { errors: FieldError[]; value: { leadWeight: number; openLeadCap: number | null; workSchedule: { days: number[]; from: string; to: string } | null } } {
  const errors: FieldError[] = [];
  const weight = Number(draft.weight.trim());
  if (draft.weight.trim() === '' || !Number.isInteger(weight) || weight < 0 || weight > 100) errors.push('weight');
  const cap = draft.cap.trim() === '' ? null : Number(draft.cap.trim());
  if (cap !== null && (!Number.isInteger(cap) || cap < 0 || cap > 100_000)) errors.push('cap');
  if (!draft.always && draft.days.length === 0) errors.push('days');
  if (!draft.always && (!draft.from || !draft.to || draft.from === draft.to)) errors.push('hours');
  return {
    errors,
    value: { leadWeight: weight, openLeadCap: cap, workSchedule: draft.always ? null : { days: [...draft.days].sort((a, b) => a - b), from: draft.from, to: draft.to } },
  };
}

function StatusBadges({ member }: { member: Member }) {
  const t = useTranslations('distribution');
  const locale = useLocale();
  const day = today();
  const away = member.absences.find((absence) => absence.startsOn <= day && day <= absence.endsOn);
  const badge = 'rounded-full px-2 py-0.5 text-xs font-medium';
  return (
    <span className="flex flex-wrap gap-1" data-testid="distribution-status">
      {member.leadWeight === 0 ? (
        <span className={`${badge} bg-slate-100 text-slate-600`}>{t('status.noLeads')}</span>
      ) : away ? (
        <span className={`${badge} bg-amber-100 text-amber-900`}>{t('status.awayUntil', { kind: t(`kinds.${away.kind}`), date: formatDate(away.endsOn, locale) })}</span>
      ) : member.atWorkNow ? (
        <span className={`${badge} bg-emerald-100 text-emerald-800`}>{t('status.atWork')}</span>
      ) : (
        <span className={`${badge} bg-slate-100 text-slate-600`}>{t('status.offHours')}</span>
      )}
      {member.openLeadCap !== null && member.openLeads >= member.openLeadCap && member.leadWeight > 0 && (
        <span className={`${badge} bg-rose-100 text-rose-800`}>{t('status.capReached')}</span>
      )}
    </span>
  );
}

function MemberRow({ member, canEdit }: { member: Member; canEdit: boolean }) {
  const t = useTranslations('distribution');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const names = weekdayNames(locale);
  const [draft, setDraft] = useState(() => draftOf(member));
  const [shownErrors, setShownErrors] = useState<FieldError[]>([]);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  // When the saved settings change (our save or someone else's), start again from them.
  const [baseVersion, setBaseVersion] = useState(member.version);
  if (member.version !== baseVersion) {
    setBaseVersion(member.version);
    setDraft(draftOf(member));
    setShownErrors([]);
  }
  const update = useMutation(trpc.distribution.updateMember.mutationOptions());
  const dirty = !sameDraft(draft, draftOf(member));
  const change = (patch: Partial<Draft>) => {
    setDraft({ ...draft, ...patch });
    setMessage(null);
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.distribution.pathKey() });

  function save(event: React.FormEvent) {
    event.preventDefault();
    const { errors, value } = parseDraft(draft);
    setShownErrors(errors);
    if (errors.length) return;
    update.mutate(
      { userId: member.id, version: member.version, ...value },
      {
        onSuccess: () => {
          setMessage({ tone: 'ok', text: t('saved') });
          void refresh();
        },
        onError: (error) => {
          if (errorCodeOf(error) === 'CONFLICT') {
            setMessage({ tone: 'error', text: t('conflict', { name: member.name }) });
            void refresh();
          } else {
            setMessage({ tone: 'error', text: t('saveFailed') });
          }
        },
      },
    );
  }

  const hasError = (field: FieldError) => shownErrors.includes(field);
  const capText = member.openLeadCap === null ? t('openLeads', { count: member.openLeads }) : t('openLeadsOfCap', { count: member.openLeads, cap: member.openLeadCap });
  const fieldId = (name: string) => `distribution-${member.id}-${name}`;

  return (
    <li className="rounded-xl border border-slate-200 bg-white p-3 lg:rounded-none lg:border-0 lg:bg-transparent" data-testid="distribution-member" data-user-id={member.id}>
      <form onSubmit={save} noValidate className={`grid grid-cols-2 gap-3 ${columns}`}>
        <div className="col-span-2 min-w-0 lg:col-span-1">
          <div className="font-medium">{member.name}</div>
          <div className="mt-1"><StatusBadges member={member} /></div>
          <div className="mt-1 flex flex-wrap gap-x-1 text-xs text-slate-500">
            <span className="whitespace-nowrap">{capText} ·</span>
            <span className="whitespace-nowrap">{t('received', { count: member.received })}</span>
          </div>
        </div>

        <div>
          <label htmlFor={fieldId('weight')} className={`${label} lg:sr-only`}>{t('weight')}</label>
          {canEdit ? (
            <input
              id={fieldId('weight')}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              value={draft.weight}
              onChange={(e) => change({ weight: e.target.value })}
              aria-invalid={hasError('weight')}
              className={`${input} tabular-nums ${hasError('weight') ? 'border-rose-500' : ''}`}
            />
          ) : (
            <div id={fieldId('weight')} className="py-1.5 text-sm tabular-nums">{member.leadWeight}</div>
          )}
          {hasError('weight') && <p className="mt-1 text-xs text-rose-700">{t('errors.weight')}</p>}
        </div>

        <div>
          <label htmlFor={fieldId('cap')} className={`${label} lg:sr-only`}>{t('cap')}</label>
          {canEdit ? (
            <input
              id={fieldId('cap')}
              type="number"
              inputMode="numeric"
              min={0}
              step={1}
              placeholder={t('noCap')}
              value={draft.cap}
              onChange={(e) => change({ cap: e.target.value })}
              aria-invalid={hasError('cap')}
              className={`${input} tabular-nums ${hasError('cap') ? 'border-rose-500' : ''}`}
            />
          ) : (
            <div id={fieldId('cap')} className="py-1.5 text-sm tabular-nums">{member.openLeadCap ?? t('noCap')}</div>
          )}
          {hasError('cap') && <p className="mt-1 text-xs text-rose-700">{t('errors.cap')}</p>}
        </div>

        <fieldset className="col-span-2 min-w-0 lg:col-span-1">
          <legend className={`${label} lg:sr-only`}>{t('hours')}</legend>
          {canEdit ? (
            <div className="space-y-2">
              <select
                value={draft.always ? 'always' : 'schedule'}
                onChange={(e) => change({ always: e.target.value === 'always' })}
                aria-label={t('hours')}
                className={`${input} lg:w-auto`}
              >
                <option value="always">{t('always')}</option>
                <option value="schedule">{t('bySchedule')}</option>
              </select>
              {!draft.always && (
                <>
                  <div className="flex flex-wrap gap-1" role="group" aria-label={t('days')}>
                    {DAYS.map((day) => {
                      const on = draft.days.includes(day);
                      return (
                        <button
                          key={day}
                          type="button"
                          aria-pressed={on}
                          onClick={() => change({ days: on ? draft.days.filter((d) => d !== day) : [...draft.days, day] })}
                          className={`h-8 w-9 rounded-md border text-xs font-medium ${on ? 'border-brand-600 bg-brand-600 text-white' : 'border-slate-300 bg-white text-slate-600 hover:bg-slate-50'} ${day >= 6 && !on ? 'text-rose-700' : ''}`}
                        >
                          {names[day]}
                        </button>
                      );
                    })}
                  </div>
                  <div className="flex items-center gap-2 text-sm">
                    <label htmlFor={fieldId('from')} className="text-slate-500">{t('from')}</label>
                    <input id={fieldId('from')} type="time" value={draft.from} onChange={(e) => change({ from: e.target.value })} className={`${input} w-auto tabular-nums ${hasError('hours') ? 'border-rose-500' : ''}`} />
                    <label htmlFor={fieldId('to')} className="text-slate-500">{t('to')}</label>
                    <input id={fieldId('to')} type="time" value={draft.to} onChange={(e) => change({ to: e.target.value })} className={`${input} w-auto tabular-nums ${hasError('hours') ? 'border-rose-500' : ''}`} />
                  </div>
                  {hasError('days') && <p className="text-xs text-rose-700">{t('errors.days')}</p>}
                  {hasError('hours') && <p className="text-xs text-rose-700">{t('errors.hours')}</p>}
                  {draft.from > draft.to && draft.to !== '' && <p className="text-xs text-slate-500">{t('overnight')}</p>}
                </>
              )}
            </div>
          ) : (
            <div className="py-1.5 text-sm">
              {member.workSchedule ? `${daysSummary(member.workSchedule.days, names)}, ${member.workSchedule.from}–${member.workSchedule.to}` : t('always')}
            </div>
          )}
        </fieldset>

        {canEdit && (
          <div className={`col-span-2 flex-wrap items-center gap-2 lg:col-span-1 lg:flex lg:flex-col lg:items-stretch ${dirty ? 'flex' : 'hidden'}`}>
            <button
              type="submit"
              disabled={!dirty || update.isPending}
              className={`rounded-md px-4 py-1.5 text-sm font-semibold ${dirty ? 'bg-brand-600 text-white hover:bg-brand-700 disabled:opacity-60' : 'border border-slate-200 bg-white text-slate-400'}`}
            >
              {update.isPending ? t('saving') : t('save')}
            </button>
            {dirty && (
              <button type="button" onClick={() => { setDraft(draftOf(member)); setShownErrors([]); setMessage(null); }} className="text-xs text-slate-600 underline underline-offset-2">
                {t('undo')}
              </button>
            )}
          </div>
        )}
        {message && (
          <p role={message.tone === 'error' ? 'alert' : 'status'} className={`col-span-2 text-sm lg:col-span-full ${message.tone === 'error' ? 'text-rose-700' : 'text-emerald-700'}`}>
            {message.text}
          </p>
        )}
      </form>
      <Absences member={member} canEdit={canEdit} />
    </li>
  );
}

function Absences({ member, canEdit }: { member: Member; canEdit: boolean }) {
  const t = useTranslations('distribution');
  const [adding, setAdding] = useState(false);
  if (!canEdit && member.absences.length === 0) return null;
  return (
    <div className="mt-3 border-t border-slate-100 pt-2 lg:mt-2 lg:border-0 lg:pt-0" data-testid="distribution-absences">
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="text-xs font-medium text-slate-500">{t('absences')}:</span>
        {member.absences.length === 0 && <span className="text-xs text-slate-400">{t('noAbsences')}</span>}
        {member.absences.map((absence) => <AbsenceChip key={absence.id} absence={absence} canEdit={canEdit} />)}
        {canEdit && !adding && (
          <button type="button" onClick={() => setAdding(true)} className="rounded-full border border-dashed border-slate-300 px-2 py-0.5 text-xs font-medium text-slate-600 hover:bg-slate-50">
            + {t('addAbsence')}
          </button>
        )}
      </div>
      {adding && <AbsenceForm member={member} onDone={() => setAdding(false)} />}
    </div>
  );
}

function AbsenceChip({ absence, canEdit }: { absence: Absence; canEdit: boolean }) {
  const t = useTranslations('distribution');
  const locale = useLocale();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.distribution.removeAbsence.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.distribution.pathKey() }),
    }),
  );
  const day = today();
  const current = absence.startsOn <= day && day <= absence.endsOn;
  const period = absence.startsOn === absence.endsOn ? formatDate(absence.startsOn, locale) : `${formatDate(absence.startsOn, locale)} – ${formatDate(absence.endsOn, locale)}`;
  const kind = t(`kinds.${absence.kind}`);
  return (
    <span className={`inline-flex max-w-full items-center gap-1 rounded-full py-0.5 pl-2 text-xs ${canEdit ? 'pr-0.5' : 'pr-2'} ${current ? 'bg-amber-100 text-amber-900' : 'bg-slate-100 text-slate-700'}`} data-testid="absence">
      <span className="truncate" title={absence.note ?? undefined}>
        <span className="font-medium">{kind}</span> {period}{absence.note ? ` · ${absence.note}` : ''}
      </span>
      {canEdit && (
        <button
          type="button"
          disabled={remove.isPending}
          onClick={() => remove.mutate({ id: absence.id })}
          aria-label={t('removeAbsence', { kind, period })}
          title={t('removeAbsence', { kind, period })}
          className="flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-slate-500 hover:bg-white hover:text-rose-700 disabled:opacity-40"
        >
          ×
        </button>
      )}
      {remove.isError && <span role="alert" className="pr-1 text-rose-700">{t('absenceFailed')}</span>}
    </span>
  );
}

function AbsenceForm({ member, onDone }: { member: Member; onDone: () => void }) {
  const t = useTranslations('distribution');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<AbsenceKind>('vacation');
  const [startsOn, setStartsOn] = useState(today);
  const [endsOn, setEndsOn] = useState(today);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = useMutation(trpc.distribution.addAbsence.mutationOptions());
  const id = (name: string) => `absence-${member.id}-${name}`;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!startsOn || !endsOn) return setError(t('errors.dates'));
    if (endsOn < startsOn) return setError(t('errors.endsBeforeStarts'));
    setError(null);
    add.mutate(
      { userId: member.id, kind, startsOn, endsOn, note: note.trim() || null },
      {
        onSuccess: () => {
          void queryClient.invalidateQueries({ queryKey: trpc.distribution.pathKey() });
          onDone();
        },
        onError: () => setError(t('absenceFailed')),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="mt-2 grid grid-cols-2 gap-2 rounded-lg bg-slate-50 p-2 sm:flex sm:flex-wrap sm:items-end" aria-label={t('addAbsenceFor', { name: member.name })} data-testid="absence-form">
      <div className="col-span-2 sm:w-40">
        <label htmlFor={id('kind')} className={label}>{t('kind')}</label>
        <select id={id('kind')} value={kind} onChange={(e) => setKind(e.target.value as AbsenceKind)} className={input}>
          {ABSENCE_KINDS.map((value) => <option key={value} value={value}>{t(`kinds.${value}`)}</option>)}
        </select>
      </div>
      <div className="min-w-0 sm:w-40">
        <label htmlFor={id('from')} className={label}>{t('startsOn')}</label>
        <input id={id('from')} type="date" value={startsOn} onChange={(e) => { setStartsOn(e.target.value); if (e.target.value > endsOn) setEndsOn(e.target.value); }} className={input} />
      </div>
      <div className="min-w-0 sm:w-40">
        <label htmlFor={id('to')} className={label}>{t('endsOn')}</label>
        <input id={id('to')} type="date" value={endsOn} min={startsOn} onChange={(e) => setEndsOn(e.target.value)} className={input} />
      </div>
      <div className="col-span-2 sm:min-w-40 sm:flex-1">
        <label htmlFor={id('note')} className={label}>{t('note')}</label>
        <input id={id('note')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} className={input} />
      </div>
      <div className="col-span-2 flex gap-2">
        <button type="submit" disabled={add.isPending} className="rounded-md bg-brand-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-700 disabled:opacity-60">{t('add')}</button>
        <button type="button" onClick={onDone} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50">{t('cancel')}</button>
      </div>
      {error && <p role="alert" className="col-span-2 text-sm text-rose-700 sm:w-full">{error}</p>}
    </form>
  );
}
