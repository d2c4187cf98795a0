import { requirePresent } from "../lib/checks";
import { resourcePolicy } from "../lib/policy";

const STAGE_V2 = "aws:apigatewayv2/stage:Stage";

export const stageAccessLogging = resourcePolicy({
    name: "apigatewayv2-stage-access-logging",
    description: "API Gateway v2 stages write access logs (accessLogSettings.destinationArn).",
    severity: "medium",
    // Stages log nothing unless told to: a rule the stack asks for (mandatory from staging on), not a default kept.
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "APIGateway.9" }],
    topics: ["logging"],
    resourceTypes: [STAGE_V2],
    remediation: "Set accessLogSettings: { destinationArn: <log group ARN>, format: <JSON format> }.",
    url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-logging.html",
    check(r, _config, report) {
        requirePresent(r.props, ["accessLogSettings", "destinationArn"], report, {
            what: "whether the stage logs access",
            problem: "so connections and requests leave no trace to investigate",
            fix: "Set accessLogSettings: { destinationArn: <log group ARN>, format: <JSON access-log format> }.",
        });
    },
});
