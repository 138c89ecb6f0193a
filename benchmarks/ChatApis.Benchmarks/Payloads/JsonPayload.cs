using System.Buffers;
using System.Text.Json;

namespace ChatApis.Benchmarks.Payloads;

/// <summary>Writes payloads once, at start-up, with a <see cref="Utf8JsonWriter"/> so they are valid JSON by construction.</summary>
public static class JsonPayload
{
    /// <summary>Serializes a JSON document written by <paramref name="write"/>.</summary>
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(32 * 1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A JSON array of <paramref name="count"/> items written by <paramref name="item"/> (given the item's index).</summary>
    public static byte[] Array(int count, Action<Utf8JsonWriter, int> item) => Write(w =>
    {
        w.WriteStartArray();
        for (var i = 0; i < count; i++)
        {
            item(w, i);
        }

        w.WriteEndArray();
    });

    /// <summary>A JSON object whose one property <paramref name="name"/> holds an array of <paramref name="count"/> items.</summary>
    public static byte[] WrappedArray(string name, int count, Action<Utf8JsonWriter, int> item) => Write(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray(name);
        for (var i = 0; i < count; i++)
        {
            item(w, i);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>A deterministic UUID-shaped id for item <paramref name="i"/>, so every run serves the same bytes.</summary>
    public static string Uuid(int seed, int i) => $"{seed:x8}-{i % 0xffff:x4}-4{i % 0xfff:x3}-a{(i * 7) % 0xfff:x3}-{(long)i * 2654435761L % 0xffffffffffffL:x12}";
}
