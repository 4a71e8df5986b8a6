import { describe, expect, it } from 'vitest';
import { DRIVERS, inRollback, useFreshDatabase } from '@/test/test-database';
import { buildScopeFixture } from '@/test/fixtures';
import { getOwnPreferences, setOwnPreference } from './preferences';
import { setOwnLocale } from './set-locale';
import { loadActiveUser } from '@/server/auth/session-user';

describe.each(DRIVERS)('own profile on %s', (driver) => {
  const database = useFreshDatabase(driver);

  it('remembers the deals columns per user and refuses unknown shapes', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      expect(await getOwnPreferences({ db, actor: f.managerA1 })).toEqual({ dealsColumns: null });
      await setOwnPreference({ db, actor: f.managerA1 }, { key: 'dealsColumns', value: ['title', 'amount'] });
      expect(await getOwnPreferences({ db, actor: f.managerA1 })).toEqual({ dealsColumns: ['title', 'amount'] });
      expect(await getOwnPreferences({ db, actor: f.managerA2 })).toEqual({ dealsColumns: null });
      await expect(setOwnPreference({ db, actor: f.managerA1 }, { key: 'dealsColumns', value: ['drop table'] })).rejects.toThrow();
    }));

  it('saves the interface language', () =>
    inRollback(database().db, async (db) => {
      const f = await buildScopeFixture(db);
      await setOwnLocale({ db, actor: f.executive }, { locale: 'en' });
      expect((await loadActiveUser(db, f.executive.id))?.locale).toBe('en');
    }));
});
