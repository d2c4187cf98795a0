import * as assert from "node:assert/strict";
import { taskDefinitionNoSecretsInEnvironment } from "../../../policies/ecs/taskDefinitionNoSecretsInEnvironment";
import { details, runResource } from "../helpers/server";
import { task } from "./helpers";

describe("ecs-task-definition-no-secrets-in-environment", () => {
    it("accepts plain settings in the environment and secrets by reference", () => {
        assert.deepEqual(runResource(taskDefinitionNoSecretsInEnvironment, task({
            name: "api", environment: [{ name: "PORT", value: "5000" }], secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:aws:secretsmanager:us-east-1:1:secret:db" }],
        })), []);
    });
    it("flags a secret-named variable with a literal value, without printing it", () => {
        const d = runResource(taskDefinitionNoSecretsInEnvironment, task({ name: "api", environment: [{ name: "DB_PASSWORD", value: "hunter2hunter2" }] }));
        assert.deepEqual(details(d), ["api: container \"api\" passes a literal secret value in the environment variable DB_PASSWORD, visible to anyone who can describe the task definition. "
            + "Store it in Secrets Manager or SSM Parameter Store and reference it in secrets: [{ name: \"DB_PASSWORD\", valueFrom: <secret ARN> }]."]);
        assert.doesNotMatch(d[0].message, /hunter2/);
    });
    it("flags a token-shaped value under any name", () => {
        assert.match(details(runResource(taskDefinitionNoSecretsInEnvironment, task({ name: "api", environment: [{ name: "CONFIG", value: "AKIAABCDEFGHIJKLMNOP" }] })))[0], /an AWS access key id/);
    });
});
