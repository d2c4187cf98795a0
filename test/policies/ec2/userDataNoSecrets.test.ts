import * as assert from "node:assert/strict";
import { userDataNoSecrets } from "../../../policies/ec2/userDataNoSecrets";
import { T } from "../helpers/fixtures";
import { advisory, details, UNKNOWN } from "../helpers/server";
import { check } from "./helpers";

describe("ec2-user-data-no-secrets", () => {
    it("accepts a script that reads its secrets from SSM", () => {
        assert.deepEqual(check(userDataNoSecrets, T.instance, { userData: "#!/bin/bash\nDB_PASSWORD=$(aws ssm get-parameter --name /chat/db --with-decryption)\n" }), []);
    });
    it("flags an AWS access key id in plain user data, naming the line", () => {
        assert.deepEqual(details(check(userDataNoSecrets, T.instance, { userData: "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAABCDEFGHIJKLMNOP\n" })),
            ["web-sg: userData contains an AWS access key id (line 2); anyone allowed ec2:DescribeInstanceAttribute can read user data. "
                + "Store the secret in SSM Parameter Store (SecureString) or Secrets Manager and fetch it at boot with the instance role."]);
    });
    it("flags a literal password in a launch template's base64 user data", () => {
        const userData = Buffer.from("#!/bin/bash\nJWT_SECRET_KEY=changeme123\n").toString("base64");
        assert.match(details(check(userDataNoSecrets, T.launchTemplate, { userData }))[0], /userData contains a literal value for JWT_SECRET_KEY \(line 2\)/);
    });
    it("flags a private key in userDataBase64", () => {
        const userDataBase64 = Buffer.from("-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n").toString("base64");
        assert.match(details(check(userDataNoSecrets, T.instance, { userDataBase64 }))[0], /^web-sg: userDataBase64 contains a private key \(line 1\)/);
    });
    it("notes user data that is unknown during preview", () => {
        assert.equal(advisory(check(userDataNoSecrets, T.instance, { userData: UNKNOWN })).length, 1);
    });
});
