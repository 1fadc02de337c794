/** What test/support/global-setup.ts hands to every test file (vitest `provide` / `inject`). */
declare module "vitest" {
  export interface ProvidedContext {
    /** the run's folder of template databases (test/support/templates.ts) */
    templateDir: string;
    /** POST here for the run's shared read-only system (test/support/system.ts sharedSystem) */
    sharedSystemUrl: string;
  }
}

export {};
