// The one piece of the workerd module `cloudflare:workers` these tests use: the main Worker's
// default export, called in the same isolate as the tests.
declare module 'cloudflare:workers' {
  export const exports: { default: { fetch(request: Request): Promise<Response> } }
}
