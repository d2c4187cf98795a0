/**
 * Cost guardrail decisions (seed 004: "Budgets don't stop spending, they alert"), as pure data:
 * a monthly cost budget that warns at 80 % of actual spend and at 100 % of the forecast, and a
 * Cost Anomaly Detection threshold.
 */

export interface BudgetNotification {
    comparisonOperator: "GREATER_THAN";
    notificationType: "ACTUAL" | "FORECASTED";
    threshold: number;
    thresholdType: "PERCENTAGE";
    subscriberEmailAddresses: string[];
}

/** 80 % of the limit actually spent, and 100 % forecast for the month. */
export function budgetNotifications(emails: readonly string[]): BudgetNotification[] {
    return [
        { comparisonOperator: "GREATER_THAN", notificationType: "ACTUAL", threshold: 80, thresholdType: "PERCENTAGE", subscriberEmailAddresses: [...emails] },
        { comparisonOperator: "GREATER_THAN", notificationType: "FORECASTED", threshold: 100, thresholdType: "PERCENTAGE", subscriberEmailAddresses: [...emails] },
    ];
}

/** Anomalies whose total impact reaches `usd` dollars are reported. */
export function anomalyThresholdExpression(usd: number) {
    return {
        dimension: {
            key: "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
            matchOptions: ["GREATER_THAN_OR_EQUAL"],
            values: [usd.toFixed(2)],
        },
    };
}
