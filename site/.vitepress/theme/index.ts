// shiplog's theme: VitePress's default theme plus the components the generated pages use.
import type { Theme } from 'vitepress'
import DefaultTheme from 'vitepress/theme'
import ShiplogComponent from './components/ShiplogComponent.vue'
import ShiplogComponents from './components/ShiplogComponents.vue'
import ShiplogHome from './components/ShiplogHome.vue'
import ShiplogMetrics from './components/ShiplogMetrics.vue'
import ShiplogOpenItems from './components/ShiplogOpenItems.vue'
import ShiplogRelease from './components/ShiplogRelease.vue'
import './style.css'

const theme: Theme = {
  extends: DefaultTheme,
  enhanceApp({ app }) {
    app.component('ShiplogHome', ShiplogHome)
    app.component('ShiplogRelease', ShiplogRelease)
    app.component('ShiplogMetrics', ShiplogMetrics)
    app.component('ShiplogOpenItems', ShiplogOpenItems)
    app.component('ShiplogComponents', ShiplogComponents)
    app.component('ShiplogComponent', ShiplogComponent)
  },
}

export default theme
