import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { tagsFor } from "../shared/tags";
import { anomalyThresholdExpression, budgetNotifications } from "./costRules";
import { StagecraftError } from "../../lib/errors";

export interface CostGuardrailsArgs {
    /** Budget name, e.g. `chat-dev-monthly`. */
    budgetName: string;
    /** Monthly cost limit in USD (seed 004: 10). */
    monthlyLimitUsd: number;
    /** Who is told (AWS Budgets and Cost Anomaly Detection e-mail them directly). */
    emails: string[];
    /**
     * Also create a Cost Anomaly Detection monitor (per AWS service) and its daily subscription.
     * Caution: the monitor is account-wide and an account holds one service monitor: turn it on
     * in one stack per account only.
     * @default false
     */
    anomalyMonitor?: boolean;
    /** Anomalies reported from this total impact on, in USD. @default 5 */
    anomalyThresholdUsd?: number;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * Cost alerts (seed 004's budget guardrails) — they warn, they never stop anything:
 * 1. an AWS Budgets monthly cost budget with e-mails at 80 % actual and 100 % forecast;
 * 2. optionally a Cost Anomaly Detection monitor per AWS service and a daily e-mail subscription.
 * The budget covers the account's whole cost (a per-environment filter needs the `environment`
 * tag activated as a cost allocation tag in the billing console).
 *
 * Cost: the first two budgets of an account are free, then $0.02 per budget-day; Cost Anomaly
 * Detection is free.
 */
export class CostGuardrails extends pulumi.ComponentResource {
    readonly budgetName: pulumi.Output<string>;

    constructor(name: string, args: CostGuardrailsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("stagecraft:governance:CostGuardrails", name, {}, opts);
        const child = { parent: this };
        if (args.emails.length === 0) throw new StagecraftError(`${name}: a budget needs at least one e-mail to alert`);

        const budget = new aws.budgets.Budget(`${name}-budget`, {
            name: args.budgetName,
            budgetType: "COST",
            timeUnit: "MONTHLY",
            limitAmount: args.monthlyLimitUsd.toFixed(2),
            limitUnit: "USD",
            notifications: budgetNotifications(args.emails),
            tags: tagsFor(args.tags, args.budgetName),
        }, child);
        this.budgetName = budget.name;

        if (args.anomalyMonitor ?? false) {
            const monitor = new aws.costexplorer.AnomalyMonitor(`${name}-anomalies`, {
                name: `${args.budgetName}-services`,
                monitorType: "DIMENSIONAL",
                monitorDimension: "SERVICE",
                tags: tagsFor(args.tags, `${name}-anomalies`),
            }, child);
            new aws.costexplorer.AnomalySubscription(`${name}-anomalies`, {
                name: `${args.budgetName}-anomalies`,
                frequency: "DAILY",
                monitorArnLists: [monitor.arn],
                subscribers: args.emails.map((address) => ({ type: "EMAIL", address })),
                thresholdExpression: anomalyThresholdExpression(args.anomalyThresholdUsd ?? 5),
                tags: tagsFor(args.tags, `${name}-anomalies`),
            }, child);
        }

        this.registerOutputs({ budgetName: this.budgetName });
    }
}
