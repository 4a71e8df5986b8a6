'use client';

import { useState } from 'react';

/** The hand-over form of a record's card: pick the new owner, hand over. The caller does the saving. */
export function ReassignForm({
  currentOwnerId,
  owners,
  labels,
  pending,
  failed,
  onReassign,
}: {
  currentOwnerId: number | null;
  owners: { id: number; name: string }[];
  labels: { owner: string; reassign: string; failed: string };
  pending: boolean;
  failed: boolean;
  onReassign: (ownerId: number) => void;
}) {
  const [ownerId, setOwnerId] = useState(currentOwnerId ?? owners[0]?.id ?? 0);
  return (
    <form
      className="flex flex-wrap items-end gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        onReassign(ownerId);
      }}
    >
      <label className="min-w-0 flex-1">
        <span className="text-sm font-medium">{labels.owner}</span>
        <select value={ownerId} onChange={(e) => setOwnerId(Number(e.target.value))} className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm">
          {owners.map((owner) => (
            <option key={owner.id} value={owner.id}>{owner.name}</option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={ownerId === currentOwnerId || pending} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium disabled:opacity-50">
        {labels.reassign}
      </button>
      {failed && <p role="alert" className="w-full text-sm text-rose-700">{labels.failed}</p>}
    </form>
  );
}
