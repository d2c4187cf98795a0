"use strict";
// Lambda entry points (handlers "index.createDatabase", "index.createBuckets",
// "index.configureDns"): the AWS SDK v3 clients of the Node.js runtime, configured from the
// function's environment, injected into the handlers of app.js.
const { RDS } = require("@aws-sdk/client-rds");
const { S3 } = require("@aws-sdk/client-s3");
const { Route53 } = require("@aws-sdk/client-route-53");
const { createHandlers } = require("./app");

const config = JSON.parse(process.env.PROVISIONING_CONFIG || "{}");
const handlers = createHandlers({ ...config, region: process.env.AWS_REGION }, {
    rds: new RDS({}),
    s3: new S3({}),
    route53: new Route53({}),
});

exports.createDatabase = handlers.createDatabase;
exports.createBuckets = handlers.createBuckets;
exports.configureDns = handlers.configureDns;
