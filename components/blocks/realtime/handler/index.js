"use strict";
// Lambda entry points (handler "index.connect", "index.disconnect", "index.message"): the AWS SDK
// v3 clients of the Node.js runtime, configured from the function's environment, injected into
// the handlers of app.js.
const { DynamoDB } = require("@aws-sdk/client-dynamodb");
const { ApiGatewayManagementApi } = require("@aws-sdk/client-apigatewaymanagementapi");
const { CognitoIdentityProvider } = require("@aws-sdk/client-cognito-identity-provider");
const { createHandlers } = require("./app");

const handlers = createHandlers({
    tableName: process.env.CONNECTIONS_TABLE,
    region: process.env.AWS_REGION,
    userPoolId: process.env.USER_POOL_ID,
    clientId: process.env.USER_POOL_CLIENT_ID,
    dynamodb: new DynamoDB({}),
    cognito: new CognitoIdentityProvider({}),
    managementApi: (endpoint) => new ApiGatewayManagementApi({ endpoint }),
});

exports.connect = handlers.connect;
exports.disconnect = handlers.disconnect;
exports.message = handlers.message;
