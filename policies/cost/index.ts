/**
 * Cost: the stack's estimated monthly cost against the budget in its policy config.
 */
import type { PackPolicy } from "../lib/policy";
import { stackMonthlyBudget } from "./stackMonthlyBudget";

/** In table order. */
export const costPolicies: readonly PackPolicy[] = [stackMonthlyBudget];
