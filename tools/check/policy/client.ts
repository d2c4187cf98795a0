// A promise-based client for the analyzer gRPC service a policy pack serves
// (pulumirpc.Analyzer, from @pulumi/pulumi/proto/analyzer_grpc_pb).
import * as grpc from "@grpc/grpc-js";
import * as analyzerRpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import type * as pluginProto from "@pulumi/pulumi/proto/plugin_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

const MAX_MESSAGE = 1024 * 1024 * 400;

type Unary<Req, Res> = (req: Req, callback: (err: grpc.ServiceError | null, res: Res) => void) => unknown;

function call<Req, Res>(fn: Unary<Req, Res>, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
        fn(req, (err, res) => (err ? reject(err) : resolve(res)));
    });
}

export class AnalyzerClient {
    private readonly client: analyzerRpc.AnalyzerClient;

    constructor(port: number) {
        this.client = new analyzerRpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": MAX_MESSAGE,
            "grpc.max_send_message_length": MAX_MESSAGE,
        });
    }

    /** Resolves once the channel is connected (the server may need a moment after printing its port). */
    ready(timeoutMs = 30_000): Promise<void> {
        return new Promise((resolve, reject) => {
            this.client.waitForReady(Date.now() + timeoutMs, (err) => (err ? reject(err) : resolve()));
        });
    }

    handshake(req: analyzerProto.AnalyzerHandshakeRequest): Promise<analyzerProto.AnalyzerHandshakeResponse> {
        return call(this.client.handshake.bind(this.client), req);
    }

    configureStack(req: analyzerProto.AnalyzerStackConfigureRequest): Promise<analyzerProto.AnalyzerStackConfigureResponse> {
        return call(this.client.configureStack.bind(this.client), req);
    }

    getAnalyzerInfo(): Promise<analyzerProto.AnalyzerInfo> {
        return call(this.client.getAnalyzerInfo.bind(this.client), new Empty());
    }

    getPluginInfo(): Promise<pluginProto.PluginInfo> {
        return call(this.client.getPluginInfo.bind(this.client), new Empty());
    }

    configure(req: analyzerProto.ConfigureAnalyzerRequest): Promise<Empty> {
        return call(this.client.configure.bind(this.client), req);
    }

    analyze(req: analyzerProto.AnalyzeRequest): Promise<analyzerProto.AnalyzeResponse> {
        return call(this.client.analyze.bind(this.client), req);
    }

    remediate(req: analyzerProto.AnalyzeRequest): Promise<analyzerProto.RemediateResponse> {
        return call(this.client.remediate.bind(this.client), req);
    }

    analyzeStack(req: analyzerProto.AnalyzeStackRequest): Promise<analyzerProto.AnalyzeResponse> {
        return call(this.client.analyzeStack.bind(this.client), req);
    }

    close(): void {
        this.client.close();
    }
}

/** True for the gRPC status a server returns for a method it does not implement. */
export function isUnimplemented(err: unknown): boolean {
    return (err as grpc.ServiceError)?.code === grpc.status.UNIMPLEMENTED;
}
