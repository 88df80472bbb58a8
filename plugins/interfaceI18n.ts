/** Hands the app's i18n instance to utils/interfaceI18n.ts, for code outside components. */
export default defineNuxtPlugin((nuxtApp) => {
  const i18n = nuxtApp.$i18n
  connectInterfaceI18n({
    t: i18n.t,
    te: key => i18n.te(key) || i18n.te(key, 'en'),
    locale: () => i18n.locale.value,
    setLocale: locale => i18n.setLocale(locale),
  })
})
