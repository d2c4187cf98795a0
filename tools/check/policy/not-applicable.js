// The offline check never reads the "not applicable" list a policy pack returns with each
// Analyze answer (the Pulumi CLI only forwards it to Pulumi Cloud). @pulumi/policy's server builds
// it anyway: one protobuf message for every policy bound to another resource type, for every
// resource, serialized by the pack and parsed again by the check. With a pack of 140 policies that
// was about 40% of the per-resource time of a check (bench/). In the pack processes the check
// starts (pack.preload.js), the list is not built; every diagnostic is answered exactly as before.
// Plain JavaScript: it runs before any TypeScript support is registered.
"use strict";

/** A stand-in for PolicyNotApplicable that the server can fill and the answer never carries. */
class UnsentNotApplicable {
    setPolicyName() {}
    setReason() {}
}

/**
 * Makes the server answer Analyze without the not-applicable list. `protoutil` is
 * @pulumi/policy/protoutil, `analyzerProto` the @pulumi/pulumi/proto/analyzer_pb the server uses;
 * the server reads both exports at call time. Returns false (and changes nothing) when either
 * module does not look as expected, so a future @pulumi/policy runs as it is.
 */
function skipNotApplicable(protoutil, analyzerProto) {
    const make = protoutil && protoutil.makeAnalyzeResponse;
    if (typeof make !== "function" || typeof (analyzerProto && analyzerProto.PolicyNotApplicable) !== "function") return false;
    if (protoutil.__offlineCheckSkipsNotApplicable === true) return true;
    protoutil.makeAnalyzeResponse = function makeAnalyzeResponseWithoutNotApplicable(diagnostics) {
        return make.call(this, diagnostics, undefined);
    };
    analyzerProto.PolicyNotApplicable = UnsentNotApplicable;
    protoutil.__offlineCheckSkipsNotApplicable = true;
    return true;
}

module.exports = { skipNotApplicable, UnsentNotApplicable };
