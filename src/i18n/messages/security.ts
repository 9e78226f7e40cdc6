import type { Entry } from '../entry';

// Fetch gate, consent and attribution: messages in English and Russian (merged into the interface's dictionary by i18n.ts).
export const en = {
  'security.linkRefused': 'The link asked for the dataset “{url}”, which was not opened: {reason} The demo is shown instead.',
  'security.reason.invalid': 'it is not a web address.',
  'security.reason.scheme': 'only http:// and https:// addresses are opened.',
  'security.reason.credentials': 'it carries a user name or password.',
  'security.reason.origin': 'it is on another site.',
  'security.reason.insecure': 'another site is reached over https:// only.',
  'security.reason.folder': 'it lies outside this site’s folder.',
  'security.reason.name': 'it is not a plain file name.',
  'security.firstFailed': 'The dataset “{url}” could not be loaded, so the demo is shown instead. {message}',
} satisfies Record<string, Entry>;

export const ru: Record<keyof typeof en, Entry> = {
  'security.linkRefused': 'Ссылка просила набор данных «{url}», но он не открыт: {reason} Вместо него показан пример.',
  'security.reason.invalid': 'это не веб-адрес.',
  'security.reason.scheme': 'открываются только адреса http:// и https://.',
  'security.reason.credentials': 'в адресе есть имя пользователя или пароль.',
  'security.reason.origin': 'он на другом сайте.',
  'security.reason.insecure': 'другие сайты открываются только по https://.',
  'security.reason.folder': 'он вне папки этого сайта.',
  'security.reason.name': 'это не простое имя файла.',
  'security.firstFailed': 'Набор данных «{url}» не удалось загрузить, поэтому показан пример. {message}',
};
