/** Regions of clients: where a company sits decides its phone code, its INN prefix and its team. */

export interface Region {
  name: string;
  /** Share of clients among the regions a team serves. */
  weight: number;
  /** Telephone area codes (3 or 4 digits). */
  phoneCodes: readonly string[];
  /** First two INN digits: the subject of the federation. */
  innRegion: string;
  /** How addresses start («г. Казань», «Московская обл., г. Химки»). */
  locality: readonly string[];
}

export const REGIONS: readonly Region[] = [
  { name: 'Москва', weight: 30, phoneCodes: ['495', '499'], innRegion: '77', locality: ['г. Москва'] },
  { name: 'Московская область', weight: 7, phoneCodes: ['496', '498'], innRegion: '50', locality: ['Московская обл., г. Химки', 'Московская обл., г. Подольск', 'Московская обл., г. Мытищи', 'Московская обл., г. Королёв'] },
  { name: 'Санкт-Петербург', weight: 15, phoneCodes: ['812'], innRegion: '78', locality: ['г. Санкт-Петербург'] },
  { name: 'Ленинградская область', weight: 2, phoneCodes: ['813'], innRegion: '47', locality: ['Ленинградская обл., г. Гатчина', 'Ленинградская обл., г. Всеволожск'] },
  { name: 'Казань', weight: 4, phoneCodes: ['843'], innRegion: '16', locality: ['г. Казань'] },
  { name: 'Екатеринбург', weight: 5, phoneCodes: ['343'], innRegion: '66', locality: ['г. Екатеринбург'] },
  { name: 'Новосибирск', weight: 4, phoneCodes: ['383'], innRegion: '54', locality: ['г. Новосибирск'] },
  { name: 'Нижний Новгород', weight: 4, phoneCodes: ['831'], innRegion: '52', locality: ['г. Нижний Новгород'] },
  { name: 'Краснодар', weight: 4, phoneCodes: ['861'], innRegion: '23', locality: ['г. Краснодар'] },
  { name: 'Самара', weight: 3, phoneCodes: ['846'], innRegion: '63', locality: ['г. Самара'] },
  { name: 'Ростов-на-Дону', weight: 3, phoneCodes: ['863'], innRegion: '61', locality: ['г. Ростов-на-Дону'] },
  { name: 'Уфа', weight: 2, phoneCodes: ['347'], innRegion: '02', locality: ['г. Уфа'] },
  { name: 'Пермь', weight: 2, phoneCodes: ['342'], innRegion: '59', locality: ['г. Пермь'] },
  { name: 'Воронеж', weight: 2, phoneCodes: ['473'], innRegion: '36', locality: ['г. Воронеж'] },
  { name: 'Челябинск', weight: 3, phoneCodes: ['351'], innRegion: '74', locality: ['г. Челябинск'] },
  { name: 'Красноярск', weight: 2, phoneCodes: ['391'], innRegion: '24', locality: ['г. Красноярск'] },
  { name: 'Тюмень', weight: 2, phoneCodes: ['3452'], innRegion: '72', locality: ['г. Тюмень'] },
  { name: 'Омск', weight: 2, phoneCodes: ['3812'], innRegion: '55', locality: ['г. Омск'] },
  { name: 'Волгоград', weight: 2, phoneCodes: ['8442'], innRegion: '34', locality: ['г. Волгоград'] },
  { name: 'Иркутск', weight: 1, phoneCodes: ['3952'], innRegion: '38', locality: ['г. Иркутск'] },
  { name: 'Калининград', weight: 1, phoneCodes: ['4012'], innRegion: '39', locality: ['г. Калининград'] },
  { name: 'Ярославль', weight: 1, phoneCodes: ['4852'], innRegion: '76', locality: ['г. Ярославль'] },
];

export const STREETS = [
  'ул. Ленина', 'ул. Мира', 'пр-т Победы', 'ул. Гагарина', 'ул. Советская', 'ул. Садовая', 'ул. Промышленная',
  'ул. Заводская', 'Ленинский пр-т', 'ул. Строителей', 'ул. Лесная', 'наб. Реки', 'ул. Новая', 'ул. Пушкина',
  'ул. Кирова', 'ул. Молодёжная', 'ш. Энтузиастов', 'ул. Береговая', 'ул. Академическая', 'пр-т Мира',
] as const;

export const MOBILE_CODES = [
  '900', '903', '905', '906', '909', '910', '912', '915', '916', '917', '919', '920', '921', '925', '926',
  '929', '950', '951', '952', '960', '961', '977', '985', '995', '999',
] as const;

/** Team names of the large organisation: one per big city (the first three are the demo teams' cities). */
export const CITY_TEAMS = [
  'Москва', 'Санкт-Петербург', 'Казань', 'Екатеринбург', 'Новосибирск', 'Нижний Новгород', 'Краснодар',
  'Самара', 'Ростов-на-Дону', 'Уфа', 'Пермь', 'Воронеж', 'Челябинск', 'Красноярск', 'Тюмень', 'Омск',
  'Волгоград', 'Иркутск', 'Калининград', 'Ярославль',
] as const;
