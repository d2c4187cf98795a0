import { UNKNOWN } from "../helpers/server";
import { judgesSetting } from "../helpers/settingCases";
import { methodSettingsCacheEncrypted } from "../../../policies/apigateway/methodSettingsCacheEncrypted";

describe("apigateway-method-settings-cache-encrypted", () => {
    judgesSetting(methodSettingsCacheEncrypted, {
        type: "aws:apigateway/methodSettings:MethodSettings",
        name: "all",
        base: { restApi: UNKNOWN, stageName: "prod", methodPath: "*/*", settings: { cachingEnabled: true } },
        passes: {
        "an encrypted cache": { settings: { cachingEnabled: true, cacheDataEncrypted: true } },
        "no caching": { settings: { metricsEnabled: true } },
    },
        fails: {
        "an unencrypted cache": { settings: { cachingEnabled: true, cacheDataEncrypted: false } },
    },
        absent: "fails",
        unknown: { settings: { cachingEnabled: true, cacheDataEncrypted: UNKNOWN } },
        mentions: ["settings.cacheDataEncrypted"],
    });
});
