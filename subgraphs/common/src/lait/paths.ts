import { join } from "node:path";

const seeds = join(import.meta.dirname, "../../../../seeds");

/**
 * The national DfE LAIT release the repository ships (seeds/lait, copied unchanged): the
 * default of LAIT_FOLDER, so a fresh `npm start` or `npm run db:seed` compares every English
 * authority. `npm run import:lait -- <folder>` loads a newer release.
 */
export const DEFAULT_LAIT_FOLDER = join(seeds, "lait");

/**
 * The Tees Valley extract (seeds/lait-tees-valley, written by `npm run lait:extract`): the five
 * Tees Valley authorities, their statistical neighbours, the North East and England. Its
 * dictionary, code lists and neighbour files are the national ones, whole. The tests seed it
 * (LAIT_FOLDER) where they do not need national figures: it loads in a fraction of the time.
 */
export const EXTRACT_LAIT_FOLDER = join(seeds, "lait-tees-valley");

/** A LAIT folder's data dictionary: every measure, its topic, unit and polarity */
export const dictionaryFile = (laitFolder: string) => join(laitFolder, "lait_data_dictionary.csv");
