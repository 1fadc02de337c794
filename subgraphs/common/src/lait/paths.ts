import { join } from "node:path";

/** The Tees Valley extract the embedded default ships with (npm run lait:extract) */
export const DEFAULT_LAIT_FOLDER = join(import.meta.dirname, "../../../../seeds/lait-tees-valley");

/** A LAIT folder's data dictionary: every measure, its topic, unit and polarity */
export const dictionaryFile = (laitFolder: string) => join(laitFolder, "lait_data_dictionary.csv");
