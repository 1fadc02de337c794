import { SourceDocument } from "../../entities/SourceDocument";
import { Figure } from "./Figure";
import { Measure } from "./Measure";

export { Figure, Measure, SourceDocument };
export const outcomeEntities = [SourceDocument, Measure, Figure];
