using ChatApis.Json;

namespace ChatApis.Contract.Tests.Support;

/// <summary>Checks where a document's fields landed: in typed properties, or kept as unknown fields.</summary>
public static class Unmapped
{
    /// <summary>Every field of these models' JSON went to a typed property (nothing fell into the unknown-field bag).</summary>
    public static void None(params ApiModel?[] models)
    {
        ArgumentNullException.ThrowIfNull(models);
        foreach (var model in models)
        {
            Assert.NotNull(model);
            var extra = model.AdditionalProperties?.Keys.ToList() ?? [];
            Assert.True(extra.Count == 0, $"{model.GetType().Name} did not map the documented field(s) {string.Join(", ", extra)}.");
        }
    }
}
