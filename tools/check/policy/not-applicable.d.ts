export declare class UnsentNotApplicable {
    setPolicyName(): void;
    setReason(): void;
}
export declare function skipNotApplicable(protoutil: unknown, analyzerProto: unknown): boolean;
