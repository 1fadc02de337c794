import type { Figure, Measure } from "./entities";
import type { OutcomeContext } from "./loaders";

/** The parent of a profile field: the authority it belongs to. */
export interface Profile {
  areaCode: string;
}
export interface Series {
  measure: Measure;
  figures: Figure[];
}

const upper = (value: string | null) => (value === null ? null : value.toUpperCase().replace(/-/g, "_"));

/**
 * The resolvers an outcomes subgraph (education, care) shares; names differ per
 * subgraph (EducationProfile / CareProfile ...), behaviour does not.
 */
export const outcomeResolvers = {
  /** `type Authority @interfaceObject`: every authority has a profile, even one with no figures yet */
  Authority: {
    __resolveReference: (ref: { code: string }) => ({ code: ref.code }),
  },
  profile: (authority: { code: string }): Profile => ({ areaCode: authority.code }),

  Profile: {
    measures: async (profile: Profile, args: { codes?: readonly string[] | null; topic?: string | null }, { loaders }: OutcomeContext) => {
      const figures = await loaders.figuresByArea.load({ areaCode: profile.areaCode, measureCodes: args.codes ?? null });
      const byMeasure = new Map<string, Figure[]>();
      for (const figure of figures) {
        if (figure.measureCode) byMeasure.set(figure.measureCode, [...(byMeasure.get(figure.measureCode) ?? []), figure]);
      }
      const measures = await loaders.measureByCode.loadMany([...byMeasure.keys()]);
      return measures
        .filter((m): m is Measure => m !== null && !(m instanceof Error) && (!args.topic || m.topic === args.topic))
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((measure): Series => ({ measure, figures: byMeasure.get(measure.code) ?? [] }));
    },
    localFigures: (profile: Profile, _args: unknown, { loaders }: OutcomeContext) => loaders.localFiguresByArea.load(profile.areaCode),
  },

  Series: {
    /** the most recent published figure that has a value */
    latest: (series: Series) => series.figures.filter((f) => f.kind === "published" && f.value !== null).at(-1) ?? null,
  },

  Measure: {
    __resolveReference: (ref: { code: string }, { loaders }: OutcomeContext) => loaders.measureByCode.load(ref.code),
    polarity: (measure: Measure) => (measure.polarity === "high" ? "HIGHER_IS_BETTER" : measure.polarity === "low" ? "LOWER_IS_BETTER" : null),
  },

  OutcomeFigure: {
    kind: (figure: Figure) => upper(figure.kind),
    period: (figure: Figure) => ({
      label: figure.periodLabel,
      kind: upper(figure.periodKind),
      status: upper(figure.periodStatus),
      startYear: figure.periodStartYear,
      endYear: figure.periodEndYear,
      start: figure.periodStart,
      end: figure.periodEnd,
    }),
  },

  Source: {
    document: async (source: { document: string }, _args: unknown, { loaders }: OutcomeContext) => {
      const document = await loaders.documentByKey.load(source.document);
      if (!document) throw new Error(`source document ${source.document} is missing`);
      return document;
    },
  },
};
