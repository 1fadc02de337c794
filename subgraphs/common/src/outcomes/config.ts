/** An outcomes subgraph's settings, read once (kept apart from the service so a script can read them without loading the server). */
import { join } from "node:path";
import { optionalString, readPort } from "../env";
import { DEFAULT_LAIT_FOLDER } from "../lait/paths";
import { readDatabaseSettings, readWorkBudget } from "../settings";
import type { WorkBudgetSettings } from "../work-budget";

const root = join(import.meta.dirname, "../../../..");

export interface OutcomeConfig {
  name: "education" | "care";
  port: number;
  database: ReturnType<typeof readDatabaseSettings>;
  /** LAIT folder loaded by the seed (LAIT_FOLDER; default the national release in seeds/lait) */
  laitFolder: string;
  /** local figures from the authorities' own documents */
  localFiguresFolder: string;
  topics: ReadonlySet<string>;
  /** what one request may cost (WORK_BUDGET_STATEMENTS, WORK_BUDGET_ROWS) */
  workBudget: WorkBudgetSettings;
}

export function loadOutcomeConfig(name: OutcomeConfig["name"], defaultPort: number, topics: ReadonlySet<string>, env = process.env): OutcomeConfig {
  return {
    name,
    port: readPort(env, "PORT", defaultPort),
    database: readDatabaseSettings(env, `sqlite:${join(root, `.data/${name}.sqlite`)}`),
    laitFolder: optionalString(env, "LAIT_FOLDER") ?? DEFAULT_LAIT_FOLDER,
    localFiguresFolder: optionalString(env, "LOCAL_FIGURES_FOLDER") ?? join(root, "seeds", name, "local-figures"),
    topics,
    workBudget: readWorkBudget(env),
  };
}

