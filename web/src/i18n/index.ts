import { LANGUAGES, type Language } from '@sinergi/core';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { apiState } from '../app/api-client';
import en from './en.json';
import id from './id.json';

// Both dictionaries must have exactly the same keys: a missing translation fails the type check.
const englishIsComplete: typeof id = en;
const indonesianIsComplete: typeof en = id;
void englishIsComplete;
void indonesianIsComplete;

const STORAGE_KEY = 'sinergi.language';

function storedLanguage(): Language {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : 'id';
  } catch {
    return 'id';
  }
}

function applyLanguage(language: Language): void {
  document.documentElement.lang = language;
  apiState.setLanguage(language);
}

/** Starts i18next with the remembered language; Indonesian when nothing was chosen. */
export function initI18n(): typeof i18next {
  const language = storedLanguage();
  applyLanguage(language);
  void i18next.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: language,
    fallbackLng: 'id',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18next;
}

/** Switches the language, remembers it in this browser and tells the API. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
  applyLanguage(language);
  await i18next.changeLanguage(language);
}

/** The current language as the core formatters and messages expect it. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'id';
}
