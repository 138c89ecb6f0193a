using System.Text.Json.Serialization.Metadata;
using ChatApis.Http;

namespace ChatApis.Pipeline;

/// <summary>
/// How a call's successful body becomes its value: a source-generated JSON contract, or a custom parser
/// (plain text, or a body that is drained and ignored). A struct, so passing it through the stages costs nothing.
/// </summary>
internal readonly struct ExpectedBody<T>
{
    private ExpectedBody(JsonTypeInfo<T>? json, ResponseParser<T>? parser)
    {
        Json = json;
        Parser = parser;
    }

    public JsonTypeInfo<T>? Json { get; }

    public ResponseParser<T>? Parser { get; }

    public static ExpectedBody<T> FromJson(JsonTypeInfo<T> json) => new(json, null);

    public static ExpectedBody<T> FromParser(ResponseParser<T> parser) => new(null, parser);
}
