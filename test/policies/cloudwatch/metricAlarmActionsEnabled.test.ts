import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { metricAlarmActionsEnabled } from "../../../policies/cloudwatch/metricAlarmActionsEnabled";

describe("cloudwatch-metric-alarm-actions-enabled", () => {
    judgesSetting(metricAlarmActionsEnabled, {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        name: "health",
        base: { comparisonOperator: "LessThanThreshold", evaluationPeriods: 1, alarmActions: [UNKNOWN] },
        passes: {
        "actions enabled": { actionsEnabled: true },
    },
        fails: {
        "actions disabled": { actionsEnabled: false },
    },
        absent: "passes",
        unknown: { actionsEnabled: UNKNOWN },
        mentions: ["actionsEnabled is false"],
    });
});
