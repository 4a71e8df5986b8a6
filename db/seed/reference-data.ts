/** Fixed reference data: the organisation, sources, reasons, pipelines with stages, products. */

export const ORGANISATION = { id: 1, name: 'ООО "Воронка Демо"', timeZone: 'Europe/Moscow', currency: 'RUB' } as const;

/** The demo seller's requisites, printed on offers and invoices (made up; the INN has valid check digits). */
export const ORGANISATION_REQUISITES = {
  inn: '7709123453',
  kpp: '770901001',
  ogrn: '1187746123456',
  legal_address: '105064, г. Москва, ул. Земляной Вал, д. 9, офис 512',
  bank_name: 'ПАО Сбербанк',
  bank_bik: '044525225',
  bank_account: '40702810938000012345',
  bank_corr_account: '30101810400000000225',
  phone: '+7 495 123-45-67',
  email: 'sales@voronka.demo',
} as const;

export interface ReferenceItem {
  id: number;
  code: string;
  nameRu: string;
  nameEn: string;
}

export interface LeadSourceItem extends ReferenceItem {
  /** Monthly cost in roubles at demo scale (scaled with the lead volume), or null. */
  monthlyCost: number | null;
  /** How often leads come from it. */
  weight: number;
}

export const LEAD_SOURCES: readonly LeadSourceItem[] = [
  { id: 1, code: 'website', nameRu: 'Форма на сайте', nameEn: 'Website form', monthlyCost: 60_000, weight: 30 },
  { id: 2, code: 'phone', nameRu: 'Входящий звонок', nameEn: 'Phone call', monthlyCost: null, weight: 18 },
  { id: 3, code: 'social', nameRu: 'Социальные сети', nameEn: 'Social network', monthlyCost: 40_000, weight: 8 },
  { id: 4, code: 'chat', nameRu: 'Онлайн-чат', nameEn: 'Chat', monthlyCost: 15_000, weight: 8 },
  { id: 5, code: 'email', nameRu: 'Электронная почта', nameEn: 'E-mail', monthlyCost: null, weight: 7 },
  { id: 6, code: 'referral', nameRu: 'Рекомендация', nameEn: 'Referral', monthlyCost: null, weight: 10 },
  { id: 7, code: 'exhibition', nameRu: 'Выставка', nameEn: 'Exhibition', monthlyCost: 150_000, weight: 6 },
  { id: 8, code: 'advertising', nameRu: 'Рекламная кампания', nameEn: 'Advertising campaign', monthlyCost: 250_000, weight: 13 },
];

export const SOURCE_ID = { website: 1, phone: 2, referral: 6, exhibition: 7, advertising: 8 } as const;

export const JUNK_REASONS: readonly ReferenceItem[] = [
  { id: 1, code: 'spam', nameRu: 'Спам', nameEn: 'Spam' },
  { id: 2, code: 'supplier', nameRu: 'Поставщик или подрядчик', nameEn: 'Supplier or contractor' },
  { id: 3, code: 'random', nameRu: 'Случайный посетитель', nameEn: 'Random visitor' },
  { id: 4, code: 'duplicate', nameRu: 'Дубль', nameEn: 'Duplicate' },
  { id: 5, code: 'no_answer', nameRu: 'Нет ответа', nameEn: 'No answer' },
  { id: 6, code: 'not_our_product', nameRu: 'Не наш продукт', nameEn: 'Not our product' },
];

export const JUNK_ID = { duplicate: 4 } as const;
/** Chance of each junk reason for a lead that is not a duplicate (duplicate itself excluded). */
export const JUNK_WEIGHTS = [20, 10, 15, 0, 35, 20] as const;

export const LOSS_REASONS: readonly ReferenceItem[] = [
  { id: 1, code: 'price', nameRu: 'Дорого', nameEn: 'Price' },
  { id: 2, code: 'competitor', nameRu: 'Выбрали конкурента', nameEn: 'Competitor' },
  { id: 3, code: 'no_budget', nameRu: 'Нет бюджета', nameEn: 'No budget' },
  { id: 4, code: 'no_answer', nameRu: 'Пропал, не отвечает', nameEn: 'No answer' },
  { id: 5, code: 'postponed', nameRu: 'Отложили', nameEn: 'Postponed' },
  { id: 6, code: 'other', nameRu: 'Другое', nameEn: 'Other' },
];

export type StageKind = 'open' | 'won' | 'lost';

export interface StageDef {
  id: number;
  name: string;
  kind: StageKind;
  probability: number;
  /** 1-based, ascending; won and lost last. */
  sortOrder: number;
}

export interface PipelineDef {
  id: number;
  name: string;
  sortOrder: number;
  /** Open stages first (in order), then won, then lost. */
  stages: readonly StageDef[];
  openCount: number;
  /** Position of the stage where proposals are sent / invoices issued (0-based, among open stages). */
  proposalPosition: number;
  invoicePosition: number;
  /** Median sales cycle in business days and the base win rate. */
  cycleMedianDays: number;
  winRate: number;
}

function pipeline(
  id: number,
  name: string,
  firstStageId: number,
  open: readonly (readonly [string, number])[],
  extra: Pick<PipelineDef, 'proposalPosition' | 'invoicePosition' | 'cycleMedianDays' | 'winRate'>,
): PipelineDef {
  const stages: StageDef[] = open.map(([stageName, probability], i) => ({
    id: firstStageId + i,
    name: stageName,
    kind: 'open',
    probability,
    sortOrder: i + 1,
  }));
  stages.push({ id: firstStageId + open.length, name: 'Успешно', kind: 'won', probability: 100, sortOrder: open.length + 1 });
  stages.push({ id: firstStageId + open.length + 1, name: 'Проиграна', kind: 'lost', probability: 0, sortOrder: open.length + 2 });
  return { id, name, sortOrder: id, stages, openCount: open.length, ...extra };
}

export const SALES_PIPELINE = pipeline(
  1,
  'Продажи',
  1,
  [
    ['Новая', 10],
    ['Квалификация', 20],
    ['Встреча', 40],
    ['КП отправлено', 60],
    ['Договор', 80],
    ['Оплата', 90],
  ],
  { proposalPosition: 3, invoicePosition: 5, cycleMedianDays: 22, winRate: 0.3 },
);

export const SERVICE_PIPELINE = pipeline(
  2,
  'Сервис и продление',
  9,
  [
    ['Новая', 20],
    ['Переговоры', 50],
    ['Счёт выставлен', 80],
  ],
  { proposalPosition: 1, invoicePosition: 2, cycleMedianDays: 12, winRate: 0.6 },
);

export const PIPELINES: readonly PipelineDef[] = [SALES_PIPELINE, SERVICE_PIPELINE];

export interface ProductDef {
  id: number;
  sku: string;
  name: string;
  unit: string;
  /** Price in kopecks. */
  price: number;
  vatRate: 0 | 20;
  /** Typical quantity range in a proposal. */
  quantity: readonly [number, number];
}

export const PRODUCTS: readonly ProductDef[] = [
  { id: 1, sku: 'CRM-LIC-USR', name: 'Лицензия «Воронка», пользователь на год', unit: 'шт', price: 2_400_000, vatRate: 0, quantity: [5, 60] },
  { id: 2, sku: 'CRM-LIC-PRO', name: 'Лицензия «Воронка Про», пользователь на год', unit: 'шт', price: 3_600_000, vatRate: 0, quantity: [5, 40] },
  { id: 3, sku: 'CRM-MOD-ANL', name: 'Модуль «Аналитика продаж»', unit: 'шт', price: 12_000_000, vatRate: 0, quantity: [1, 1] },
  { id: 4, sku: 'CRM-MOD-TEL', name: 'Модуль «Телефония»', unit: 'шт', price: 9_000_000, vatRate: 0, quantity: [1, 1] },
  { id: 5, sku: 'SRV-IMPL-H', name: 'Внедрение и настройка', unit: 'час', price: 350_000, vatRate: 20, quantity: [8, 120] },
  { id: 6, sku: 'SRV-INT-1C', name: 'Интеграция с 1С', unit: 'шт', price: 15_000_000, vatRate: 20, quantity: [1, 1] },
  { id: 7, sku: 'SRV-MIGR', name: 'Перенос данных из другой CRM', unit: 'шт', price: 8_000_000, vatRate: 20, quantity: [1, 1] },
  { id: 8, sku: 'SRV-TRAIN-D', name: 'Обучение сотрудников', unit: 'день', price: 4_500_000, vatRate: 20, quantity: [1, 5] },
  { id: 9, sku: 'SRV-SUP-M', name: 'Техническая поддержка', unit: 'мес', price: 1_800_000, vatRate: 20, quantity: [3, 12] },
  { id: 10, sku: 'SRV-SUP-Y', name: 'Техническая поддержка, годовой пакет', unit: 'год', price: 18_000_000, vatRate: 20, quantity: [1, 1] },
  { id: 11, sku: 'HW-SRV-1U', name: 'Сервер 1U для локальной установки', unit: 'шт', price: 42_000_000, vatRate: 20, quantity: [1, 2] },
  { id: 12, sku: 'HW-IP-PHONE', name: 'IP-телефон', unit: 'шт', price: 980_000, vatRate: 20, quantity: [2, 40] },
  { id: 13, sku: 'HW-HEADSET', name: 'Гарнитура оператора', unit: 'шт', price: 650_000, vatRate: 20, quantity: [2, 40] },
  { id: 14, sku: 'SRV-AUDIT', name: 'Аудит отдела продаж', unit: 'шт', price: 9_500_000, vatRate: 20, quantity: [1, 1] },
  { id: 15, sku: 'SRV-CONSULT-H', name: 'Консультация эксперта', unit: 'час', price: 600_000, vatRate: 20, quantity: [2, 20] },
];
