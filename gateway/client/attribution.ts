/**
 * The attribution every export of the graph's data carries (npm run compare's Markdown and CSV; the
 * dashboard's data page and exports to come), so it is written once. DATA-LICENCE.md (npm run licences)
 * lists each source, its licence and the attribution it requires; this is the line an export repeats.
 */

/** the Open Government Licence v3.0's own attribution statement, word for word */
export const OGL_ATTRIBUTION = "Contains public sector information licensed under the Open Government Licence v3.0.";

export const OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

/**
 * One line: the published figures (DfE LAIT, OGL v3.0, with its statement) and the councils' own
 * documents, whose licences the notice gives document by document (most state none).
 */
export const ATTRIBUTION =
  `Published figures: Department for Education, Local Authority Interactive Tool (LAIT). ${OGL_ATTRIBUTION} ` +
  "Plans and local figures: the councils' own documents, each with its publisher, date and licence in DATA-LICENCE.md.";
