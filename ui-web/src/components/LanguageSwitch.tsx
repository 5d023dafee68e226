// The language switch: English / 한국어 (in the user menu as radio menu items, on the sign-in
// page as toggle buttons); the choice is remembered in this browser.
import { languages, useI18n } from '../i18n/i18n';

const names = { en: 'English', ko: '한국어' } as const;

export function LanguageSwitch({ inMenu = false, onChosen }: { inMenu?: boolean; onChosen?: () => void }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <div className="language-switch" role="group" aria-label={t('shell.language')}>
      {languages.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className="button button-small button-quiet"
          role={inMenu ? 'menuitemradio' : undefined}
          aria-checked={inMenu ? language === l : undefined}
          aria-pressed={inMenu ? undefined : language === l}
          onClick={() => {
            setLanguage(l);
            onChosen?.();
          }}
        >
          {names[l]}
        </button>
      ))}
    </div>
  );
}
