import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkSetting } from "../lib/settings";
import { UNKNOWN, str } from "../lib/values";

const ROUTE = "aws:apigatewayv2/route:Route";

export const routeAuthorizationRequired = withAwsDefault(resourcePolicy({
    name: "apigatewayv2-route-authorization-required",
    description: "HTTP API routes and the WebSocket $connect route name an authorization type (JWT, AWS_IAM or CUSTOM), not NONE; other WebSocket routes are authorized at $connect and are skipped.",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [],
    topics: ["identity"],
    resourceTypes: [ROUTE],
    remediation: "Set authorizationType (\"JWT\" with authorizerId for Cognito, \"AWS_IAM\" or \"CUSTOM\"); exempt a deliberately public route with a reason.",
    url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-access-control.html",
    check(r, _config, report) {
        const key = str(r.props.routeKey);
        if (key === UNKNOWN) return report.unknown("whether the route needs authorization", "routeKey");
        // WebSocket messages ride the connection $connect authorized; only HTTP routes ("GET /x", "ANY /x", "$default") and $connect take an authorizer.
        const http = key !== undefined && (/^[A-Z]+ \//.test(key) || key === "$default");
        if (key !== "$connect" && !http) return;
        checkSetting(r.props, report, {
            path: ["authorizationType"], kind: "string", absent: "NONE",
            accept: (type) => type.toUpperCase() !== "NONE",
            what: "whether callers must be authorized",
            problem: "so anyone who knows the URL can call it",
            fix: "Set authorizationType (\"JWT\" with an authorizerId, \"AWS_IAM\" or \"CUSTOM\").",
        });
    },
}), {
    behaviour: "A route is created with authorizationType NONE: anyone who knows the URL can call it.",
    source: "https://docs.aws.amazon.com/apigatewayv2/latest/api-reference/apis-apiid-routes.html",
    checked: "2026-12-04",
});
