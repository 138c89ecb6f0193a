namespace ChatApis.Benchmarks.Vendors;

/// <summary>The clients compared.</summary>
public enum ClientKind
{
    /// <summary>The idiomatic baseline: raw HttpClient (one shared SocketsHttpHandler, ResponseHeadersRead) streaming the body into System.Text.Json's DeserializeAsync with source-generated contracts.</summary>
    Baseline,

    /// <summary>The ChatApis SDK client of the vendor.</summary>
    Sdk,

    /// <summary>RestEase 1.4.3 with its default Newtonsoft.Json, over the same kind of shared HttpClient.</summary>
    RestEase,

    /// <summary>Flurl.Http 2.4.2 with its default Newtonsoft.Json, over the same kind of shared HttpClient.</summary>
    Flurl,

    /// <summary>Raw Refit 16.4.0 (source-generated) with the ChatApis vendors' settings and the baseline's JSON context, over the same kind of shared HttpClient.</summary>
    Refit,

    /// <summary>The fastest raw code: raw HttpClient reading a declared-length body into a pooled buffer and parsing it in one synchronous pass, as Core's reader does.</summary>
    Best,

    /// <summary>Diagnostic: the baseline's raw HttpClient reading into the SDK's own models and JSON context (model cost without the pipeline).</summary>
    BaselineSdkModels,
}
