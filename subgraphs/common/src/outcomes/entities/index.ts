import { AuditEntry } from "../../audit/AuditEntry";
import { SourceDocument } from "../../entities/SourceDocument";
import { StatisticalNeighbour } from "../../entities/StatisticalNeighbour";
import { Figure } from "./Figure";
import { Measure } from "./Measure";
import { OutcomeArea } from "./OutcomeArea";

export { AuditEntry, Figure, Measure, OutcomeArea, SourceDocument, StatisticalNeighbour };
export const outcomeEntities = [SourceDocument, Measure, Figure, OutcomeArea, StatisticalNeighbour, AuditEntry];
