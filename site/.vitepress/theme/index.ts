// shiplog's theme: VitePress's default theme plus the components the generated pages use.
import { inBrowser, useData, type Theme } from 'vitepress'
import DefaultTheme from 'vitepress/theme'
import { defineAsyncComponent, h, watchEffect } from 'vue'
import ShiplogComponent from './components/ShiplogComponent.vue'
import ShiplogComponents from './components/ShiplogComponents.vue'
import ShiplogHome from './components/ShiplogHome.vue'
import ShiplogMetrics from './components/ShiplogMetrics.vue'
import ShiplogOpenItems from './components/ShiplogOpenItems.vue'
import ShiplogRelease from './components/ShiplogRelease.vue'
import './style.css'

/** Undoes shiplog's `escapeHtml` (src/core/site/escapeHtml.ts): its character references, and only those, back to characters. */
function unescapeHtml(html: string): string {
  return html.replace(/&#(34|38|39|60|62|123|125);/g, (_, code: string) => String.fromCharCode(Number(code)))
}

/** The 404 page, in its own chunk (with the latest releases it lists), loaded only there. */
const ShiplogNotFound = defineAsyncComponent(() => import('./components/ShiplogNotFound.vue'))

const theme: Theme = {
  extends: DefaultTheme,
  // Every page has one main landmark: shiplog's pages are a <main> themselves, the release pages
  // sit in the default theme's <main>, and the 404 page (a <div> in the default theme) is shiplog's,
  // in the default layout's `not-found` slot.
  Layout: () => h(DefaultTheme.Layout, null, { 'not-found': () => h(ShiplogNotFound) }),
  enhanceApp({ app }) {
    app.component('ShiplogHome', ShiplogHome)
    app.component('ShiplogRelease', ShiplogRelease)
    app.component('ShiplogMetrics', ShiplogMetrics)
    app.component('ShiplogOpenItems', ShiplogOpenItems)
    app.component('ShiplogComponents', ShiplogComponents)
    app.component('ShiplogComponent', ShiplogComponent)
  },
  setup() {
    // Titles and descriptions reach VitePress escaped (it writes the description into the HTML
    // as it is). In the browser VitePress sets `document.title` and the description's content as
    // text, on every page change: after it has (flush: 'post'), show them as written.
    if (!inBrowser) return
    const { title, description } = useData()
    watchEffect(
      () => {
        const text = unescapeHtml(title.value)
        if (document.title !== text) document.title = text
        document.querySelector('meta[name="description"]')?.setAttribute('content', unescapeHtml(description.value))
      },
      { flush: 'post' },
    )
  },
}

export default theme
