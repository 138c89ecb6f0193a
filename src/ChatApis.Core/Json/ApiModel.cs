using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatApis.Json;

/// <summary>
/// The base of every response model: JSON properties the SDK does not know yet (a field the vendor
/// added after this release) are kept here instead of being dropped.
/// </summary>
public abstract class ApiModel
{
    /// <summary>Properties of the JSON object that this model does not declare, by name.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}
