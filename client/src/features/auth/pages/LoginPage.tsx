import { useState, type FormEvent, type ReactNode } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { safeNext } from '../../../app/auth';
import { describeError } from '../../../app/errors';
import { useI18n, type Locale, type MessageKey } from '../../../app/i18n';
import { useSession } from '../../../app/session';
import { login } from '../session-requests';
import './login.css';

type Field = 'username' | 'password';
const REQUIRED: Record<Field, MessageKey> = { username: 'login.usernameRequired', password: 'login.passwordRequired' };
const LOCALES: { value: Locale; label: string }[] = [
  { value: 'vi', label: 'VI' },
  { value: 'en', label: 'EN' },
];

// Ant Design's eye icons (EyeOutlined, EyeInvisibleOutlined), drawn inline.
const EYE =
  'M942.2 486.2C847.4 286.5 704.1 186 512 186c-192.2 0-335.4 100.5-430.2 300.3a60.3 60.3 0 000 51.5C176.6 737.5 319.9 838 512 838c192.2 0 335.4-100.5 430.2-300.3 7.7-16.2 7.7-35 0-51.5zM512 766c-161.3 0-279.4-81.8-362.7-254C232.6 339.8 350.7 258 512 258c161.3 0 279.4 81.8 362.7 254C791.5 684.2 673.4 766 512 766zm-4-430c-97.2 0-176 78.8-176 176s78.8 176 176 176 176-78.8 176-176-78.8-176-176-176zm0 288c-61.9 0-112-50.1-112-112s50.1-112 112-112 112 50.1 112 112-50.1 112-112 112z';
const EYE_INVISIBLE =
  'M942.2 486.2Q889.47 375.11 816.7 305l-50.88 50.88C807.31 395.53 843.45 447.4 874.7 512 791.5 684.2 673.4 766 512 766q-72.67 0-133.87-22.38L323 798.75Q408 838 512 838q288.3 0 430.2-300.3a60.29 60.29 0 000-51.5zm-63.57-320.64L836 122.88a8 8 0 00-11.32 0L715.31 232.2Q624.86 186 512 186q-288.3 0-430.2 300.3a60.3 60.3 0 000 51.5q56.69 119.4 136.5 191.41L112.48 835a8 8 0 000 11.31L155.17 889a8 8 0 0011.31 0l712.15-712.12a8 8 0 000-11.32zM149.3 512C232.6 339.8 350.7 258 512 258c54.54 0 104.13 9.36 149.12 28.39l-70.3 70.3a176 176 0 00-238.13 238.13l-83.42 83.42C223.1 637.49 183.3 582.28 149.3 512zm246.7 0a112.11 112.11 0 01146.2-106.69L401.31 546.2A112 112 0 01396 512z M508 624c-3.46 0-6.87-.16-10.25-.47l-52.82 52.82a176.09 176.09 0 00227.42-227.42l-52.82 52.82c.31 3.38.47 6.79.47 10.25a111.94 111.94 0 01-112 112z';

function Icon({ d, label }: { d: string; label: string }) {
  return (
    <span role="img" aria-label={label} className="ct-login-icon">
      <svg viewBox="64 64 896 896" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false">
        <path d={d} />
      </svg>
    </span>
  );
}

/**
 * The first page anyone opens, often on a phone over a weak link: it carries no antd and no
 * Apollo (issue #16: the login route ≤ 150 kB of JavaScript gzip; with antd's theme, inputs,
 * button, alert and segmented control it was ~175 kB before anything of our own). The same
 * fields, labels, messages and behaviour, drawn with a stylesheet of its own (login.css) in
 * antd's look and the app's theme colours.
 */
export function LoginPage() {
  const { t, locale, setLocale } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [values, setValues] = useState<Record<Field, string>>({ username: '', password: '' });
  // As antd's Form did: a field says it is required once edited, or after a submit.
  const [checked, setChecked] = useState<Record<Field, boolean>>({ username: false, password: false });
  const [showPassword, setShowPassword] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (session.user) return <Navigate to={next} replace />;

  const missing = (f: Field) => checked[f] && values[f] === '';
  const edit = (f: Field, value: string) => {
    setValues((v) => ({ ...v, [f]: value }));
    setChecked((c) => ({ ...c, [f]: true }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (loading) return;
    setChecked({ username: true, password: true });
    if (values.username === '' || values.password === '') return;
    setError(null);
    setLoading(true);
    try {
      const answer = await login(values);
      // The server set the httpOnly session cookie; the token in the payload is for API clients.
      await session.signIn(answer.user);
      navigate(next, { replace: true });
    } catch (err) {
      setError(describeError(err, t));
      setLoading(false);
    }
  }

  const field = (f: Field, label: string, input: (props: { id: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode) => (
    <div className="ct-login-item">
      <label htmlFor={`login-${f}`}>{label}</label>
      {input({ id: `login-${f}`, ...(missing(f) ? { 'aria-invalid': true, 'aria-describedby': `login-${f}-error` } : {}) })}
      {missing(f) && (
        <div id={`login-${f}-error`} role="alert" className="ct-login-explain">
          {t(REQUIRED[f])}
        </div>
      )}
    </div>
  );

  return (
    <main className="ct-login">
      <div className="ct-login-card">
        <div className="ct-login-head">
          <h1>{t('app.name')}</h1>
          <div role="radiogroup" aria-label={t('lang.label')} className="ct-login-segmented">
            {LOCALES.map((o) => (
              <label key={o.value} className={o.value === locale ? 'ct-selected' : undefined}>
                <input type="radio" name="login-locale" value={o.value} checked={o.value === locale} onChange={() => setLocale(o.value)} />
                <span title={o.label}>{o.label}</span>
              </label>
            ))}
          </div>
        </div>
        <p className="ct-login-tagline">{t('app.tagline')}</p>
        {params.get('next') && !error && (
          <div role="alert" className="ct-login-alert ct-info">
            {t('login.expired')}
          </div>
        )}
        <form onSubmit={(e) => void submit(e)} noValidate>
          {field('username', t('login.username'), (props) => (
            <input
              {...props}
              className={`ct-login-input${missing('username') ? ' ct-error' : ''}`}
              name="username"
              type="text"
              autoComplete="username"
              autoFocus
              value={values.username}
              onChange={(e) => edit('username', e.target.value)}
            />
          ))}
          {field('password', t('login.password'), (props) => (
            <span className={`ct-login-input ct-login-affix${missing('password') ? ' ct-error' : ''}`}>
              <input
                {...props}
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                value={values.password}
                onChange={(e) => edit('password', e.target.value)}
              />
              {/* As antd's Input.Password: the eye is clicked, not tabbed to. */}
              <span className="ct-login-eye" onMouseDown={(e) => e.preventDefault()} onClick={() => setShowPassword((s) => !s)}>
                <Icon d={showPassword ? EYE : EYE_INVISIBLE} label={showPassword ? 'eye' : 'eye-invisible'} />
              </span>
            </span>
          ))}
          {error && (
            <div role="alert" className="ct-login-alert ct-error">
              <div className="ct-login-alert-title">{t('login.failed')}</div>
              <div>{error}</div>
            </div>
          )}
          <button type="submit" className={`ct-login-submit${loading ? ' ct-loading' : ''}`} aria-busy={loading || undefined}>
            {loading && <span className="ct-light-spinner ct-login-spinner" aria-hidden="true" />}
            <span>{t('login.submit')}</span>
          </button>
        </form>
      </div>
    </main>
  );
}
