/**
 * What a company, a contact or a lead's person looks like, derived from the row index alone,
 * so a deal title, a lead and the contact row all agree without storing any of the text.
 */
import { dayParts } from './business-clock';
import type { ClientsPlan } from './clients-plan';
import type { SeedContext } from './context';
import { formatPhone, nationalNumber } from './phone';
import { Rng, STREAM, WeightedTable } from './random';
import { translit } from './translit';
import {
  ADJECTIVES,
  COMPOUND_HEADS,
  COMPOUND_TAILS,
  LEGAL_FORMS,
  LEGAL_FORM_WEIGHTS,
  NOUNS,
  PUBLIC_MAIL_DOMAINS,
} from './vocabulary-companies';
import {
  FEMALE_FIRST_NAMES,
  MALE_FIRST_NAMES,
  PATRONYMICS,
  POSITIONS,
  SURNAMES,
  femalePatronymic,
  femaleSurname,
} from './vocabulary-names';
import { MOBILE_CODES, REGIONS } from './vocabulary-regions';

const legalFormPicker = new WeightedTable(LEGAL_FORM_WEIGHTS);
const NAME_SUFFIXES = ['', '', '', '', '', ' Плюс', '-М', ' Групп', '-Сервис', ' Про', '-2000', ' 24', '-Центр'] as const;
/** One stream object per function: companyName is called while a contact's stream is in use. */
const nameRng = new Rng();
const contactRng = new Rng();
const leadRng = new Rng();

export interface PersonName {
  female: boolean;
  lastName: string;
  firstName: string;
  middleName: string | null;
}

export function personName(rng: Rng, withMiddle: boolean): PersonName {
  const female = rng.chance(0.5);
  const surname = rng.pick(SURNAMES);
  const patronymic = rng.pick(PATRONYMICS);
  return {
    female,
    lastName: female ? femaleSurname(surname) : surname,
    firstName: female ? rng.pick(FEMALE_FIRST_NAMES) : rng.pick(MALE_FIRST_NAMES),
    middleName: withMiddle ? (female ? femalePatronymic(patronymic) : patronymic) : null,
  };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export interface CompanyName {
  /** «ООО "Северный ветер"». */
  name: string;
  legalForm: string;
  /** Latin part of the web domain. */
  domainStem: string;
}

/** A company name from whatever stream `rng` is on (companies and leads' free-text companies). */
export function inventCompanyName(rng: Rng): CompanyName {
  const legalForm = LEGAL_FORMS[legalFormPicker.pick(rng)]!;
  if (legalForm === 'ИП') {
    const person = personName(rng, true);
    const initials = `${person.firstName.charAt(0)}. ${person.middleName?.charAt(0) ?? ''}.`;
    return { name: `ИП ${person.lastName} ${initials}`, legalForm, domainStem: translit(person.lastName) };
  }
  let core: string;
  let stem: string;
  const style = rng.next();
  if (style < 0.5) {
    const head = rng.pick(COMPOUND_HEADS);
    const tail = rng.pick(COMPOUND_TAILS);
    core = rng.chance(0.3) ? head + capitalize(tail) : head + tail;
    stem = translit(core);
  } else if (style < 0.9) {
    const noun = rng.pick(NOUNS);
    const adjective = rng.pick(ADJECTIVES)[noun.gender];
    core = `${adjective} ${noun.word}`;
    stem = `${translit(adjective)}-${translit(noun.word)}`;
  } else {
    const surname = rng.pick(SURNAMES);
    core = `${surname} и партнёры`;
    stem = `${translit(surname)}-partners`;
  }
  const suffix = rng.pick(NAME_SUFFIXES);
  return { name: `${legalForm} "${core}${suffix}"`, legalForm, domainStem: stem + translit(suffix) };
}

/** Memoised per context: deals, leads and contacts ask for the same companies over and over. */
export function companyName(ctx: SeedContext, c: number): CompanyName {
  let name = ctx.companyNames[c];
  if (!name) {
    name = inventCompanyName(nameRng.at(ctx.seed, STREAM.companyName, c));
    ctx.companyNames[c] = name;
  }
  return name;
}

export interface ContactProfile extends PersonName {
  position: string | null;
  /** National 10-digit mobile or null. */
  mobile: string | null;
  /** Office number with the company's area code, or null. */
  office: string | null;
  officeCodeLength: number;
  email: string | null;
  birthday: string | null;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Birthday: mostly any day of the year; a few today or this week so the Today screen shows them. */
function birthday(rng: Rng, today: number): string | null {
  if (!rng.chance(0.65)) return null;
  const roll = rng.next();
  const year = rng.int(1962, 2001);
  let month: number;
  let date: number;
  if (roll < 0.012) {
    ({ month, date } = dayParts(today + (roll < 0.006 ? 0 : 1 + Math.floor(rng.next() * 6))));
  } else {
    // A day of a non-leap year, without Date objects (this runs for every contact).
    date = Math.floor(rng.next() * 365) + 1;
    month = 1;
    while (date > MONTH_LENGTHS[month - 1]!) date -= MONTH_LENGTHS[month++ - 1]!;
  }
  // 29 February only exists in leap years.
  const safeYear = month === 2 && date === 29 ? year - (year % 4) : year;
  return `${safeYear}-${pad2(month)}-${pad2(date)}`;
}

export function contactProfile(ctx: SeedContext, plan: ClientsPlan, j: number): ContactProfile {
  const rng = contactRng.at(ctx.seed, STREAM.contactName, j);
  const c = plan.contactCompany[j]!;
  const person = personName(rng, rng.chance(0.9));
  const hasCompany = c >= 0;
  const position = hasCompany ? (rng.chance(0.95) ? rng.pick(POSITIONS) : null) : rng.chance(0.08) ? 'Индивидуальный предприниматель' : null;
  const mobile = rng.chance(0.92) ? nationalNumber(rng, rng.pick(MOBILE_CODES)) : null;
  let office: string | null = null;
  let officeCodeLength = 3;
  const first = translit(person.firstName);
  const last = translit(person.lastName);
  let email: string | null = null;
  if (hasCompany) {
    const region = REGIONS[plan.companyRegion[c]!]!;
    if (rng.chance(0.3) || mobile === null) {
      const code = rng.pick(region.phoneCodes);
      office = nationalNumber(rng, code);
      officeCodeLength = code.length;
    }
    if (rng.chance(0.8)) {
      const domain = companyDomain(ctx, c);
      email = rng.chance(0.5) ? `${first.charAt(0)}.${last}@${domain}` : `${first}.${last}@${domain}`;
    }
  } else if (rng.chance(0.7)) {
    email = `${first}.${last}${rng.int(1, 99)}@${rng.pick(PUBLIC_MAIL_DOMAINS)}`;
  }
  // Spelled out: an object spread here was the slowest line of a large run.
  return {
    female: person.female,
    lastName: person.lastName,
    firstName: person.firstName,
    middleName: person.middleName,
    position,
    mobile,
    office,
    officeCodeLength,
    email,
    birthday: birthday(rng, ctx.today),
  };
}

export function companyDomain(ctx: SeedContext, c: number): string {
  const name = companyName(ctx, c);
  return `${name.domainStem}.ru`;
}

/** Display form of a contact's numbers. */
export function contactPhones(profile: ContactProfile): { shown: string[]; normalized: string[] } {
  const shown: string[] = [];
  const normalized: string[] = [];
  if (profile.mobile) {
    shown.push(formatPhone(profile.mobile, 3));
    normalized.push(`+7${profile.mobile}`);
  }
  if (profile.office) {
    shown.push(formatPhone(profile.office, profile.officeCodeLength));
    normalized.push(`+7${profile.office}`);
  }
  return { shown, normalized };
}

export interface LeadPerson {
  name: string;
  /** National 10 digits or null. */
  phone: string | null;
  email: string | null;
  /** Free-text company from the form, when the lead is not tied to a known company. */
  companyName: string | null;
}

/** A person who wrote in: either a known contact (key < 0 → contact -key-1) or a stranger. */
export function leadPerson(ctx: SeedContext, plan: ClientsPlan, key: number): LeadPerson {
  if (key < 0) {
    const j = -key - 1;
    const profile = contactProfile(ctx, plan, j);
    return {
      name: `${profile.firstName} ${profile.lastName}`,
      phone: profile.mobile ?? profile.office,
      email: profile.email,
      companyName: null,
    };
  }
  const rng = leadRng.at(ctx.seed, STREAM.leadPerson, key);
  const person = personName(rng, false);
  const roll = rng.next();
  const hasPhone = roll < 0.85;
  const hasEmail = roll >= 0.55;
  const phone = hasPhone ? nationalNumber(rng, rng.pick(MOBILE_CODES)) : null;
  const email = hasEmail
    ? `${translit(person.firstName)}${rng.chance(0.5) ? '.' : '_'}${translit(person.lastName)}${rng.int(1, 999)}@${rng.pick(PUBLIC_MAIL_DOMAINS)}`
    : null;
  const companyName = rng.chance(0.4) ? inventCompanyName(rng).name : null;
  return { name: `${person.firstName} ${person.lastName}`, phone, email, companyName };
}
