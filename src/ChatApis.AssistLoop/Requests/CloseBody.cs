using System.Text.Json.Serialization;

namespace ChatApis.AssistLoop.Requests;

// A JSON body the client sends, in the documents' property order.
internal sealed record CloseBody([property: JsonPropertyName("platform")] string Platform);
