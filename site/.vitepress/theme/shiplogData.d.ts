// The generated data the theme imports itself (`@shiplog/data` is the generated folder's `data/`,
// an alias set in shiplogConfig.ts); pages import theirs by relative path.
declare module '@shiplog/data/not-found.json' {
  import type { NotFoundPage } from '@shared/pageData.ts'
  const page: NotFoundPage
  export default page
}
