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
    /**
     * An existing Cost Anomaly Detection monitor (another stack's in the same account) to
     * subscribe to instead of creating one: AWS allows one dimensional SERVICE monitor per
     * account, so the second stack of an account shares the first one's. Excludes `anomalyMonitor`.
     * @default undefined (no shared monitor)
     * @example "arn:aws:ce::123456789012:anomalymonitor/0d1c2b3a-1111-2222-3333-444455556666"
     */
    anomalyMonitorArn?: string;
    /** Anomalies reported from this total impact on, in USD. @default 5 */
    anomalyThresholdUsd?: number;
    /** Tags for every child (project, environment, owner; a Name is added per resource). */
    tags: Record<string, string>;
}

/**
 * Cost alerts (seed 004's budget guardrails) — they warn, they never stop anything:
 * 1. an AWS Budgets monthly cost budget with e-mails at 80 % actual and 100 % forecast;
 * 2. optionally a Cost Anomaly Detection monitor per AWS service and a daily e-mail subscription,
 *    or only the subscription, to the account's existing monitor (`anomalyMonitorArn`).
 * The budget covers the account's whole cost (a per-environment filter needs the `environment`
 * tag activated as a cost allocation tag in the billing console).
 *
 * Cost: the first two budgets of an account are free, then $0.02 per budget-day; Cost Anomaly
 * Detection is free.
 */
export class CostGuardrails extends pulumi.ComponentResource {
    readonly budgetName: pulumi.Output<string>;
    /** The monitor this stack created, for the account's other stacks' `costAnomalyMonitorArn`. */
    readonly anomalyMonitorArn?: pulumi.Output<string>;

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

        const creates = args.anomalyMonitor ?? false;
        if (creates && args.anomalyMonitorArn !== undefined) {
            throw new StagecraftError(`${name}: create the account's anomaly monitor (anomalyMonitor) or subscribe to an existing one (anomalyMonitorArn), not both`);
        }
        // The created monitor keeps its logical name: stacks that had one keep it (no replacement).
        const monitorArn = creates
            ? new aws.costexplorer.AnomalyMonitor(`${name}-anomalies`, {
                name: `${args.budgetName}-services`,
                monitorType: "DIMENSIONAL",
                monitorDimension: "SERVICE",
                tags: tagsFor(args.tags, `${name}-anomalies`),
            }, child).arn
            : args.anomalyMonitorArn;
        if (creates) this.anomalyMonitorArn = pulumi.output(monitorArn as pulumi.Input<string>);
        if (monitorArn !== undefined) {
            new aws.costexplorer.AnomalySubscription(`${name}-anomalies`, {
                name: `${args.budgetName}-anomalies`,
                frequency: "DAILY",
                monitorArnLists: [monitorArn],
                subscribers: args.emails.map((address) => ({ type: "EMAIL", address })),
                thresholdExpression: anomalyThresholdExpression(args.anomalyThresholdUsd ?? 5),
                tags: tagsFor(args.tags, `${name}-anomalies`),
            }, child);
        }

        this.registerOutputs({ budgetName: this.budgetName, anomalyMonitorArn: this.anomalyMonitorArn });
    }
}
