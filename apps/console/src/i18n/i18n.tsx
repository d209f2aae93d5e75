import i18next, { type TFunction } from 'i18next';
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useMemo, useState } from 'preact/hooks';
import type { SchemaEnum } from '../api/enums';
import en from './en.json';
import ru from './ru.json';

export const LANGUAGES = ['en', 'ru'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language names in their own language: never translated. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ru: 'Русский' };

const STORAGE_KEY = 'coop.language';

function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** The reader's own choice if they made one, else the first of the browser's languages the console speaks. */
export function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  for (const tag of navigator.languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: en }, ru: { translation: ru } },
  lng: 'en',
  fallbackLng: 'en',
  initAsync: false,
  // Preact escapes what it renders.
  interpolation: { escapeValue: false },
});

export interface Translation {
  readonly language: Language;
  readonly t: TFunction;
  readonly setLanguage: (language: Language) => void;
  /** The label of a schema enum's value. */
  readonly label: (name: SchemaEnum, value: string) => string;
  readonly countryName: (code: string) => string;
  readonly dateTime: (iso: string) => string;
  readonly date: (iso: string) => string;
  /** A calendar day the API keeps as its first instant in UTC (an activity's dates, a project's start). */
  readonly day: (iso: string) => string;
  /** Two such days as one span, e.g. `3–5 Oct 2019`. */
  readonly dayRange: (from: string, to: string) => string;
  readonly number: (value: number) => string;
}

const TranslationContext = createContext<Translation | null>(null);

function translation(language: Language, setLanguage: (language: Language) => void): Translation {
  const t = i18n.getFixedT(language);
  const dateTimeFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const dateFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const dayFormat = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  const numberFormat = new Intl.NumberFormat(language);
  return {
    language,
    t,
    setLanguage,
    label: (name, value) => t(`enum.${name}.${value}`, { defaultValue: value }),
    countryName: (code) => t(`country.${code}`, { defaultValue: code }),
    dateTime: (iso) => dateTimeFormat.format(new Date(iso)),
    date: (iso) => dateFormat.format(new Date(iso)),
    day: (iso) => dayFormat.format(new Date(iso)),
    dayRange: (from, to) => dayFormat.formatRange(new Date(from), new Date(to)),
    number: (value) => numberFormat.format(value),
  };
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language;
  document.title = i18n.getFixedT(language)('app.title');
}

export function TranslationProvider({ children }: { children: ComponentChildren }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const language = initialLanguage();
    applyToDocument(language);
    return language;
  });
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    applyToDocument(next);
    setLanguageState(next);
  }, []);
  const value = useMemo(() => translation(language, setLanguage), [language, setLanguage]);
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

export function useTranslation(): Translation {
  const value = useContext(TranslationContext);
  if (value === null) throw new Error('useTranslation outside TranslationProvider');
  return value;
}
