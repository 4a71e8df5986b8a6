type Seller = {
  name: string;
  inn: string | null;
  kpp: string | null;
  ogrn: string | null;
  legalAddress: string | null;
  bankName: string | null;
  bankBik: string | null;
  bankAccount: string | null;
  bankCorrAccount: string | null;
  phone: string | null;
  email: string | null;
};

/** The seller's requisites as label / value rows of a printed document (labels from its `seller.*` keys). */
export function sellerRows(seller: Seller, t: (key: 'name' | 'inn' | 'kpp' | 'ogrn' | 'address' | 'bank' | 'bik' | 'account' | 'corrAccount' | 'phone' | 'email') => string): [string, string | null][] {
  return [
    [t('name'), seller.name],
    [t('inn'), seller.inn],
    [t('kpp'), seller.kpp],
    [t('ogrn'), seller.ogrn],
    [t('address'), seller.legalAddress],
    [t('bank'), seller.bankName],
    [t('bik'), seller.bankBik],
    [t('account'), seller.bankAccount],
    [t('corrAccount'), seller.bankCorrAccount],
    [t('phone'), seller.phone],
    [t('email'), seller.email],
  ];
}
