import * as assert from "node:assert/strict";
import { CostGuardrails } from "../../../components/blocks/governance/costGuardrails";
import { anomalyThresholdExpression, budgetNotifications } from "../../../components/blocks/governance/costRules";
import { ofType, runWithMocks } from "../../helpers/pulumi";

const tags = { project: "chat", environment: "dev", owner: "platform" };

describe("cost guardrails", () => {
    it("warn at 80 % of actual spend and at 100 % of the forecast", () => {
        const notes = budgetNotifications(["ops@example.com"]);
        assert.deepEqual(notes.map((n) => [n.notificationType, n.threshold, n.thresholdType]), [["ACTUAL", 80, "PERCENTAGE"], ["FORECASTED", 100, "PERCENTAGE"]]);
        assert.ok(notes.every((n) => n.subscriberEmailAddresses[0] === "ops@example.com"));
    });

    it("report anomalies from the threshold on", () => {
        assert.deepEqual(anomalyThresholdExpression(5).dimension, { key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE", matchOptions: ["GREATER_THAN_OR_EQUAL"], values: ["5.00"] });
    });

    it("create a monthly USD cost budget with the limit from config", async () => {
        const { registrations } = await runWithMocks(() => new CostGuardrails("chat-dev-cost", { budgetName: "chat-dev-monthly", monthlyLimitUsd: 10, emails: ["ops@example.com"], tags }));
        const [budget] = ofType(registrations, "aws:budgets/budget:Budget");
        assert.deepEqual([budget.inputs.budgetType, budget.inputs.timeUnit, budget.inputs.limitAmount, budget.inputs.limitUnit], ["COST", "MONTHLY", "10.00", "USD"]);
        assert.equal(budget.inputs.notifications.length, 2);
        assert.equal(ofType(registrations, "aws:costexplorer/anomalyMonitor:AnomalyMonitor").length, 0, "no account-wide monitor unless asked");
    });

    it("add the service anomaly monitor and a daily e-mail subscription when asked", async () => {
        const { registrations } = await runWithMocks(() => new CostGuardrails("chat-prod-cost", {
            budgetName: "chat-prod-monthly", monthlyLimitUsd: 100, emails: ["ops@example.com"], anomalyMonitor: true, anomalyThresholdUsd: 20, tags,
        }));
        const [monitor] = ofType(registrations, "aws:costexplorer/anomalyMonitor:AnomalyMonitor");
        assert.deepEqual([monitor.inputs.monitorType, monitor.inputs.monitorDimension], ["DIMENSIONAL", "SERVICE"]);
        const [subscription] = ofType(registrations, "aws:costexplorer/anomalySubscription:AnomalySubscription");
        assert.equal(subscription.inputs.frequency, "DAILY");
        assert.deepEqual(subscription.inputs.subscribers, [{ type: "EMAIL", address: "ops@example.com" }]);
        assert.deepEqual(subscription.inputs.thresholdExpression.dimension.values, ["20.00"]);
    });

    it("keep the created monitor's logical name, so stacks that have one keep it across upgrades", async () => {
        const { registrations } = await runWithMocks(() => new CostGuardrails("chat-prod-cost", {
            budgetName: "chat-prod-monthly", monthlyLimitUsd: 100, emails: ["ops@example.com"], anomalyMonitor: true, tags,
        }));
        assert.deepEqual(ofType(registrations, "aws:costexplorer/anomalyMonitor:AnomalyMonitor").map((r) => r.name), ["chat-prod-cost-anomalies"]);
    });

    it("subscribe to the account's existing monitor without creating a second one (one SERVICE monitor per account)", async () => {
        const shared = "arn:aws:ce::123456789012:anomalymonitor/0d1c2b3a-1111-2222-3333-444455556666";
        const { registrations } = await runWithMocks(() => new CostGuardrails("chat-enterprise-cost", {
            budgetName: "chat-enterprise-monthly", monthlyLimitUsd: 1000, emails: ["ops@example.com"], anomalyMonitorArn: shared, tags,
        }));
        assert.equal(ofType(registrations, "aws:costexplorer/anomalyMonitor:AnomalyMonitor").length, 0);
        const [subscription] = ofType(registrations, "aws:costexplorer/anomalySubscription:AnomalySubscription");
        assert.deepEqual(subscription.inputs.monitorArnLists, [shared]);
        assert.equal(subscription.inputs.name, "chat-enterprise-monthly-anomalies");
    });

    it("refuse both creating the monitor and referencing one", () => {
        assert.throws(() => new CostGuardrails("x", {
            budgetName: "x", monthlyLimitUsd: 10, emails: ["ops@example.com"], anomalyMonitor: true,
            anomalyMonitorArn: "arn:aws:ce::123456789012:anomalymonitor/abc", tags,
        }), /not both/);
    });

    it("refuse a budget nobody is told about", () => {
        assert.throws(() => new CostGuardrails("x", { budgetName: "x", monthlyLimitUsd: 10, emails: [], tags }), /at least one e-mail/);
    });
});
