import { Area } from "./Area";
import { Theme } from "./Theme";

export { Area, Theme };
export const regionEntities = [Area, Theme];
