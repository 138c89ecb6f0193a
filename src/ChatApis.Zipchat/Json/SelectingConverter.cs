using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ChatApis.Zipchat;

/// <summary>Reads a response with another converter and keeps one part of it (e.g. a page's items, for a List method's pages).</summary>
/// <typeparam name="TIn">What the inner converter reads.</typeparam>
/// <typeparam name="TOut">The part kept.</typeparam>
/// <param name="inner">The converter of the whole response.</param>
/// <param name="select">Picks the part.</param>
internal sealed class SelectingConverter<TIn, TOut>(JsonConverter<TIn> inner, Func<TIn, TOut> select) : JsonConverter<TOut>
{
    public override TOut Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        select(inner.Read(ref reader, typeof(TIn), options)!);

    public override void Write(Utf8JsonWriter writer, TOut value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Response envelopes are only read.");
}
