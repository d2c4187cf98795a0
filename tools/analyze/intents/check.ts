// What the offline check calls: the intents the plan's components declare, plus those of an
// --intents file, proved on the plan's resources.
import { Plan, type PlanResource } from "../plan";
import { readIntentsFile } from "./file";
import { declaredIntents, proveIntents, type IntentResult } from "./prove";

export function proveForCheck(resources: readonly PlanResource[], intentsFile: string | undefined, accountId: string): IntentResult[] {
    const plan = new Plan(resources);
    const declared = declaredIntents(plan);
    if (intentsFile !== undefined) declared.push({ source: intentsFile, intents: readIntentsFile(intentsFile) });
    return proveIntents(plan, declared, { accountId });
}
