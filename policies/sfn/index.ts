/**
 * Step Functions: state machines log every event and trace with X-Ray.
 */
import type { PackPolicy } from "../lib/policy";
import { stateMachineLoggingEnabled } from "./stateMachineLoggingEnabled";
import { stateMachineTracingEnabled } from "./stateMachineTracingEnabled";

/** In table order. */
export const sfnPolicies: readonly PackPolicy[] = [
    stateMachineLoggingEnabled,
    stateMachineTracingEnabled,
];
