using System.Text.Json.Serialization;

namespace ChatApis.Conventions.Tests.Fixtures;

/// <summary>A JSON context left public, as two vendors' once were.</summary>
[JsonSerializable(typeof(string))]
public sealed partial class PublicJsonContext : JsonSerializerContext
{
}
