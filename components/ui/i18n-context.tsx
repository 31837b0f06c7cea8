'use client';

import { createContext, type ReactNode, useCallback, useContext, useMemo } from 'react';

/** Parameters of a message. */
export type Params = Record<string, string | number>;
/** A translate function: key and parameters to text. */
export type Translate = (key: string, params?: Params) => string;

const I18nContext = createContext<{ locale: string; messages: Readonly<Record<string, string>> }>({
  locale: 'en',
  messages: {},
});

/** Replaces `{name}` placeholders. */
export function interpolate(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/**
 * Gives client components the active locale's messages. The server passes only the messages the
 * client needs, once, so that no dictionary is bundled into the JavaScript.
 */
export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: string;
  messages: Readonly<Record<string, string>>;
  children: ReactNode;
}) {
  return <I18nContext.Provider value={{ locale, messages }}>{children}</I18nContext.Provider>;
}

/**
 * Adds messages for a subtree to those of the provider above: a step's page sends its own
 * namespace (the checks' texts, say) with that step only, not with every page.
 */
export function MoreMessages({
  messages,
  children,
}: {
  messages: Readonly<Record<string, string>>;
  children: ReactNode;
}) {
  const parent = useContext(I18nContext);
  const value = useMemo(
    () => ({ locale: parent.locale, messages: { ...parent.messages, ...messages } }),
    [parent, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translate function of the active locale. A missing key shows as the key itself. */
export function useT(): Translate {
  const { messages } = useContext(I18nContext);
  return useCallback((key: string, params?: Params) => interpolate(messages[key] ?? key, params), [messages]);
}

/** True when a message exists (for optional texts such as examples). */
export function useHasMessage(): (key: string) => boolean {
  const { messages } = useContext(I18nContext);
  return useCallback((key: string) => key in messages, [messages]);
}

/** The active locale. */
export function useLocale(): string {
  return useContext(I18nContext).locale;
}
