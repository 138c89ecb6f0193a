using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatApis.Testing;

/// <summary>How the simulator's own JSON (the route listing, the admin answers) is written.</summary>
internal static class JsonText
{
    /// <summary>
    /// Quotes, apostrophes and angle brackets written as themselves: these bodies are read by people with curl, and
    /// none is ever embedded in HTML (the default encoder's reason to write them as \u0022 and the like).
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
