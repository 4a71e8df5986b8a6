/** Companies and contacts rows, from the clients plan plus the per-row profiles. */
import { toReal } from './business-clock';
import type { BulkSession } from './bulk-loader';
import { companyName, contactPhones, contactProfile } from './client-profiles';
import type { ClientsPlan } from './clients-plan';
import type { SeedContext } from './context';
import { NULL, line, text, textArray, ts } from './copy-text';
import { digits, legalEntityInn, soleProprietorInn } from './inn';
import { formatPhone, nationalNumber } from './phone';
import { Rng, STREAM } from './random';
import { COMPANY_NOTES, INDUSTRIES, SEGMENTS } from './vocabulary-companies';
import { REGIONS, STREETS } from './vocabulary-regions';

const COMPANY_COLUMNS = [
  'id', 'name', 'inn', 'industry', 'region', 'address', 'website', 'phones', 'emails', 'phones_normalized',
  'emails_normalized', 'segment', 'notes', 'owner_id', 'created_at', 'updated_at', 'version',
] as const;

const CONTACT_COLUMNS = [
  'id', 'last_name', 'first_name', 'middle_name', 'position', 'phones', 'emails', 'phones_normalized',
  'emails_normalized', 'birthday', 'company_id', 'owner_id', 'notes', 'created_at', 'updated_at', 'version',
] as const;

/**
 * Unique, valid INNs: companies of a region are spread over its tax offices, and a per-office
 * serial goes through a bijective shuffle (× 7919 mod 10^k) so numbers do not look sequential.
 */
const INN_SHIFT = 31_337;

class InnIssuer {
  private readonly issued = new Map<string, number>();

  next(region: string, soleProprietor: boolean): string {
    const key = `${region}:${soleProprietor ? 'ip' : 'le'}`;
    const k = this.issued.get(key) ?? 0;
    this.issued.set(key, k + 1);
    const offices = region === '77' ? 51 : 30;
    const office = digits(1 + (k % offices), 2);
    const serial = Math.floor(k / offices);
    return soleProprietor
      ? soleProprietorInn(region + office + digits((serial * 7919 + INN_SHIFT) % 1_000_000, 6))
      : legalEntityInn(region + office + digits((serial * 7919 + INN_SHIFT) % 100_000, 5));
  }
}

/** Some people type e-mails with capitals; the normalised copy is always lower-case. */
function asTyped(email: string, rng: Rng): string {
  return rng.chance(0.1) ? email.charAt(0).toUpperCase() + email.slice(1) : email;
}

export async function loadCompanies(ctx: SeedContext, session: BulkSession, clients: ClientsPlan): Promise<number> {
  const rng = new Rng();
  const inns = new InnIssuer();
  return session.copy('companies', COMPANY_COLUMNS, async (w) => {
    for (let c = 0; c < clients.companyCount; c++) {
      rng.at(ctx.seed, STREAM.companyRow, c);
      const region = REGIONS[clients.companyRegion[c]!]!;
      const name = companyName(ctx, c);
      const domain = `${name.domainStem}.ru`;
      const phoneCount = rng.chance(0.35) ? 2 : 1;
      const phones: string[] = [];
      const phonesNormalized: string[] = [];
      for (let i = 0; i < phoneCount; i++) {
        const code = rng.pick(region.phoneCodes);
        const national = nationalNumber(rng, code);
        phones.push(formatPhone(national, code.length));
        phonesNormalized.push(`+7${national}`);
      }
      const emails = [asTyped(`info@${domain}`, rng)];
      if (rng.chance(0.4)) emails.push(`${rng.pick(['sales', 'zakupki', 'office'])}@${domain}`);
      const address = `${rng.pick(region.locality)}, ${rng.pick(STREETS)}, д. ${rng.int(1, 120)}${rng.chance(0.6) ? `, офис ${rng.int(1, 420)}` : ''}`;
      const created = ts(toReal(clients.companyCreated[c]!));
      const row = line([
        String(c + 1),
        text(name.name),
        rng.chance(0.95) ? inns.next(region.innRegion, name.legalForm === 'ИП') : NULL,
        text(rng.pick(INDUSTRIES)),
        text(region.name),
        text(address),
        rng.chance(0.6) ? text(`https://${domain}`) : NULL,
        textArray(phones),
        textArray(emails),
        textArray(phonesNormalized),
        textArray(emails.map((e) => e.toLowerCase())),
        text(SEGMENTS[clients.companySegment[c]!]!),
        rng.chance(0.1) ? text(rng.pick(COMPANY_NOTES)) : NULL,
        String(clients.companyOwner[c]!),
        created,
        created,
        '1',
      ]);
      if (w.push(row)) await w.drain();
    }
  });
}

export async function loadContacts(ctx: SeedContext, session: BulkSession, clients: ClientsPlan): Promise<number> {
  const rng = new Rng();
  return session.copy('contacts', CONTACT_COLUMNS, async (w) => {
    for (let j = 0; j < clients.contactCount; j++) {
      rng.at(ctx.seed, STREAM.contactRow, j);
      const profile = contactProfile(ctx, clients, j);
      const { shown, normalized } = contactPhones(profile);
      const emails = profile.email ? [asTyped(profile.email, rng)] : [];
      const company = clients.contactCompany[j]!;
      const created = ts(toReal(clients.contactCreated[j]!));
      const row = line([
        String(j + 1),
        text(profile.lastName),
        text(profile.firstName),
        text(profile.middleName),
        text(profile.position),
        textArray(shown),
        textArray(emails),
        textArray(normalized),
        textArray(emails.map((e) => e.toLowerCase())),
        text(profile.birthday),
        company >= 0 ? String(company + 1) : NULL,
        String(clients.contactOwner[j]!),
        rng.chance(0.05) ? text('Предпочитает связь через мессенджер.') : NULL,
        created,
        created,
        '1',
      ]);
      if (w.push(row)) await w.drain();
    }
  });
}

