// Lets TypeScript check the site's .ts files (`npx tsc -p site`): Vue single-file components are
// compiled by Vite, not by tsc.
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
