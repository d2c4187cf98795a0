// The plan analyzer: network reachability and IAM evaluation over a recorded plan, and the
// intents that architectures and users declare, proved on it.
export { Plan, UNKNOWN, type PlanResource } from "./plan";
export { canReach, type Answer, type Endpoint } from "./network/reach";
export { collectRules } from "./network/rules";
export { mayPerform, type AccessRequest } from "./iam/evaluate";
export { readIntents, IntentsError, type Intent } from "./intents/schema";
export { readIntentsFile } from "./intents/file";
export { declaredIntents, proveIntents, type IntentResult, type DeclaredIntents } from "./intents/prove";
export { renderIntents, failingIntents } from "./intents/render";
