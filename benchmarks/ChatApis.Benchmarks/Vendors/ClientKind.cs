namespace ChatApis.Benchmarks.Vendors;

/// <summary>The clients compared.</summary>
public enum ClientKind
{
    /// <summary>The limit: raw HttpClient (one shared SocketsHttpHandler, ResponseHeadersRead) + System.Text.Json source-generated contracts.</summary>
    Baseline,

    /// <summary>The ChatApis SDK client of the vendor.</summary>
    Sdk,

    /// <summary>RestEase 1.4.3 with its default Newtonsoft.Json, over the same kind of shared HttpClient.</summary>
    RestEase,

    /// <summary>Flurl.Http 2.4.2 with its default Newtonsoft.Json, over the same kind of shared HttpClient.</summary>
    Flurl,

    /// <summary>Diagnostic: the baseline's raw HttpClient reading into the SDK's own models and JSON context (model cost without the pipeline).</summary>
    BaselineSdkModels,
}
