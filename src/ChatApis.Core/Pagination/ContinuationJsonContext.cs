using System.Text.Json.Serialization;

namespace ChatApis.Pagination;

/// <summary>
/// The source-generated JSON contracts of the continuation token states (AOT-safe). Strict on read: an
/// unknown or missing member is an error, so a state from elsewhere is never half-read.
/// </summary>
[JsonSourceGenerationOptions(
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(NumberedContinuation))]
[JsonSerializable(typeof(TimeKeysetContinuation))]
internal sealed partial class ContinuationJsonContext : JsonSerializerContext
{
}
