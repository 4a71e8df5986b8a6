import { describe, expect, it } from 'vitest';
import { chosenFields, differingFields, displayValue, optionsOf, selectedOption, type ChoiceRecord } from './merge-choices';

const records: ChoiceRecord[] = [
  { id: 1, values: { title: 'Петров', personName: null, phone: '+7 912 345 67 89', sourceId: { ru: 'Сайт', en: 'Website' }, ownerId: 'Анна' } },
  { id: 2, values: { title: 'ООО Ромашка', personName: 'Иван', phone: '+7 912 345 67 89', sourceId: null, ownerId: 'Анна' } },
  { id: 3, values: { title: 'Петров', personName: 'Иван Петров', phone: '+7 912 345 67 89', sourceId: { ru: 'Сайт', en: 'Website' }, ownerId: 'Борис' } },
];

describe('merge choices', () => {
  it('finds the fields that differ, an empty value counting as different', () => {
    expect(differingFields('lead', records)).toEqual(['title', 'personName', 'sourceId', 'ownerId']);
    expect(differingFields('lead', [records[0]!, { id: 9, values: { ...records[0]!.values } }])).toEqual([]);
    expect(optionsOf('title', records)).toEqual([{ recordId: 1, value: 'Петров' }, { recordId: 2, value: 'ООО Ромашка' }]);
  });

  it("keeps the survivor's value unless picked otherwise, and fills its empty fields from the others", () => {
    expect(chosenFields('lead', 1, records, {})).toEqual({ personName: 2 });
    expect(chosenFields('lead', 1, records, { title: 2, ownerId: 3, personName: 3 })).toEqual({ title: 2, ownerId: 3, personName: 3 });
    // Picking a record with the survivor's own value sends nothing.
    expect(chosenFields('lead', 1, records, { title: 3 })).toEqual({ personName: 2 });
    // A pick from a record left out of the merge falls back to the default.
    expect(chosenFields('lead', 1, records.slice(0, 2), { personName: 3 })).toEqual({ personName: 2 });
    expect(selectedOption('title', 1, records, { title: 3 })).toBe(1);
    expect(selectedOption('personName', 1, records, {})).toBe(2);
  });

  it('shows reference names in the reader’s language', () => {
    expect(displayValue({ ru: 'Сайт', en: 'Website' }, 'ru')).toBe('Сайт');
    expect(displayValue({ ru: 'Сайт', en: 'Website' }, 'en')).toBe('Website');
    expect(displayValue(null, 'en')).toBeNull();
  });
});
