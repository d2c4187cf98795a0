import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { routeAuthorizationRequired } from "../../../policies/apigatewayv2/routeAuthorizationRequired";

describe("apigatewayv2-route-authorization-required", () => {
    judgesSetting(routeAuthorizationRequired, {
        type: "aws:apigatewayv2/route:Route",
        name: "messages",
        base: { apiId: UNKNOWN, routeKey: "POST /messages" },
        passes: {
        "a JWT authorizer": { authorizationType: "JWT", authorizerId: UNKNOWN },
        "a WebSocket message route (authorized at $connect)": { routeKey: "sendmessage" },
    },
        fails: {
        "NONE": { authorizationType: "NONE" },
        "a WebSocket $connect route without an authorizer": { routeKey: "$connect", authorizationType: "NONE" },
    },
        absent: "fails",
        unknown: { authorizationType: UNKNOWN },
        mentions: ["authorizationType"],
    });
});
