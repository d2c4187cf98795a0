import { withAwsDefault } from "../lib/awsdefault";
import { resourcePolicy } from "../lib/policy";
import { checkFlagOn } from "../lib/settings";
import { UNKNOWN, at, bool } from "../lib/values";

const SETTINGS = "aws:apigateway/methodSettings:MethodSettings";

export const methodSettingsCacheEncrypted = withAwsDefault(resourcePolicy({
    name: "apigateway-method-settings-cache-encrypted",
    description: "Where REST API caching is on, cached responses are encrypted (cacheDataEncrypted).",
    severity: "medium",
    enforcementLevel: "advisory",
    frameworks: [{ framework: "fsbp", control: "APIGateway.5" }],
    topics: ["encryption"],
    resourceTypes: [SETTINGS],
    remediation: "Set settings.cacheDataEncrypted: true wherever settings.cachingEnabled is true.",
    url: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html",
    check(r, _config, report) {
        const caching = bool(at(r.props, "settings", "cachingEnabled"));
        if (caching === UNKNOWN) return report.unknown("whether responses are cached (and must be encrypted)", "settings.cachingEnabled");
        if (caching !== true) return;
        checkFlagOn(r.props, report, ["settings", "cacheDataEncrypted"], false, {
            what: "whether cached responses are encrypted",
            problem: "so cached responses are stored unencrypted",
            fix: "Set settings.cacheDataEncrypted: true.",
        });
    },
}), {
    behaviour: "Cached responses are not encrypted unless cache data encryption is on.",
    source: "https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-caching.html",
    checked: "2026-12-04",
});
