import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkNamed } from "../lib/settings";

const STAGE = "aws:apigateway/stage:Stage";

export const stageAccessLogging = withAwsDefault(resourcePolicy({
    name: "apigateway-stage-access-logging",
    description: "REST API stages write access logs (accessLogSettings.destinationArn).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "APIGateway.1" }],
    topics: ["logging"],
    resourceTypes: [STAGE],
    remediation: "Set accessLogSettings: { destinationArn: <log group ARN>, format: <JSON format> } (the account needs a CloudWatch role: aws.apigateway.Account).",
    url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
    check(r, _config, report) {
        checkNamed(r.props, report, ["accessLogSettings", "destinationArn"], {
            what: "where access logs go",
            problem: "so API calls leave no record",
            fix: "Set accessLogSettings.destinationArn to a log group ARN.",
        });
    },
}), {
    behaviour: "A stage writes no access logs unless a destination is set.",
    source: "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
    checked: "2026-12-04",
});
