import { AuditEntry } from "@tees/subgraph-common/audit/AuditEntry";
import { StatisticalNeighbour } from "@tees/subgraph-common/entities/StatisticalNeighbour";
import { Figure } from "./Figure";
import { FigureSource } from "./FigureSource";
import { Measure } from "./Measure";
import { OutcomeArea } from "./OutcomeArea";
import { OutcomeDocument, PUBLISHED_OWNER, UNASSIGNED_OWNER } from "./OutcomeDocument";
import { neighbourColumns, StoredComparison, type StoredNeighbours } from "./StoredComparison";

export { AuditEntry, Figure, FigureSource, Measure, neighbourColumns, OutcomeArea, OutcomeDocument, PUBLISHED_OWNER, StatisticalNeighbour, StoredComparison, UNASSIGNED_OWNER };
export type { StoredNeighbours };
export const outcomeEntities = [OutcomeDocument, Measure, Figure, FigureSource, OutcomeArea, StatisticalNeighbour, AuditEntry, StoredComparison];
