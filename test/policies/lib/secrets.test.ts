import * as assert from "node:assert/strict";
import { decodeUserData, isSecretName, scanText, scanVariable, tokenKinds } from "../../../policies/lib/secrets";

describe("policies/lib/secrets", () => {
    it("recognises well-known token shapes", () => {
        assert.deepEqual(tokenKinds("key AKIAABCDEFGHIJKLMNOP"), ["an AWS access key id"]);
        assert.deepEqual(tokenKinds("-----BEGIN OPENSSH PRIVATE KEY-----"), ["a private key"]);
        assert.deepEqual(tokenKinds(`ghp_${"a".repeat(36)}`), ["a GitHub token"]);
        assert.deepEqual(tokenKinds("just text"), []);
    });

    it("finds literal values assigned to secret-named variables in scripts, by line", () => {
        const findings = scanText("#!/bin/bash\nexport DB_PASSWORD='s3cr3t-value'\nJWT_SECRET_KEY=changeme123\n");
        assert.deepEqual(findings, [
            { kind: "a literal value for DB_PASSWORD", where: "line 2" },
            { kind: "a literal value for JWT_SECRET_KEY", where: "line 3" },
        ]);
    });

    it("does not flag variables that fetch the secret at run time or are not secrets", () => {
        const script = [
            "DB_PASSWORD=$(aws ssm get-parameter --name /chat/db --with-decryption --query Parameter.Value --output text)",
            "API_TOKEN=\"${TOKEN_FROM_ENV}\"",
            "TOKEN_URL=https://auth.example.com/token",
            "APP_PORT=5000",
            "SECRET_PARAMETER_PATH=/chat/prod",
        ].join("\n");
        assert.deepEqual(scanText(script), []);
    });

    it("judges environment variables by name and by value", () => {
        assert.deepEqual(scanVariable("DB_PASSWORD", "hunter2hunter2"), [{ kind: "a literal secret value", where: "DB_PASSWORD" }]);
        assert.deepEqual(scanVariable("CONFIG", "AKIAABCDEFGHIJKLMNOP"), [{ kind: "an AWS access key id", where: "CONFIG" }]);
        assert.deepEqual(scanVariable("DB_PASSWORD", ""), []);
        assert.deepEqual(scanVariable("DB_PASSWORD_ARN", "arn:aws:secretsmanager:us-east-1:1:secret:db"), []);
        assert.deepEqual(scanVariable("DB_SECRET", "arn:aws:secretsmanager:us-east-1:1:secret:db"), []);
        assert.equal(isSecretName("stripe_api_key"), true);
        assert.equal(isSecretName("LOG_LEVEL"), false);
    });

    it("decodes base64 user data and leaves plain scripts alone", () => {
        const script = "#!/bin/bash\necho hello\n";
        assert.equal(decodeUserData(Buffer.from(script).toString("base64")), script);
        assert.equal(decodeUserData(script), script);
        assert.equal(decodeUserData("abcd"), "abcd");
    });
});
