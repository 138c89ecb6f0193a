using ChatApis.Core.Tests.Support;
using ChatApis.Http;

namespace ChatApis.Core.Tests.Http;

/// <summary>
/// Compressed responses: the pipeline asks for gzip and Brotli, decodes them for JSON, for custom parsers
/// and for error bodies, caps the decoded size, and reports an encoding it never asked for.
/// </summary>
public class CompressionTests : SimulatorTest
{
    private ChatApiPipeline Pipeline(Action<ChatApiClientOptions>? tweak = null) => TestVendor.Pipeline(Sim, tweak);

    [Theory]
    [InlineData("gzip")]
    [InlineData("br")]
    public async Task A_compressed_body_is_decoded(string encoding)
    {
        var response = await Pipeline().SendAsync(new ApiRequest(HttpMethod.Get, $"encoded/{encoding}/thing"), TestJsonContext.Default.Thing, TestContext.Current.CancellationToken);

        Assert.Equal("t1", response.Value.Id);
        Assert.Equal("Thing", response.Value.Name);
        Assert.Equal(3, response.Value.Count);
        Assert.True(response.Value.Active);
        Assert.Equal("gzip, br", Sim.Journal.Last.Headers["Accept-Encoding"]);
    }

    [Fact]
    public async Task A_custom_parser_reads_the_decoded_body()
    {
        var response = await Pipeline().SendAsync(
            new ApiRequest(HttpMethod.Get, "encoded/gzip/thing"),
            static async (content, ct) => await content.ReadAsStringAsync(ct),
            TestContext.Current.CancellationToken);

        Assert.Equal("""{"id":"t1","name":"Thing","count":3,"active":true}""", response.Value);
    }

    [Fact]
    public async Task A_compressed_error_body_still_names_the_error()
    {
        var error = await Assert.ThrowsAsync<ChatApiValidationException>(() =>
            Pipeline().SendAsync(new ApiRequest(HttpMethod.Get, "encoded/br/error"), TestJsonContext.Default.Thing, TestContext.Current.CancellationToken));

        Assert.Equal(422, (int)error.StatusCode!.Value);
        Assert.Equal("validation_failed", error.ErrorCode);
        Assert.Contains("Name is required.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_size_cap_counts_decoded_bytes()
    {
        // About 1.2 MB of JSON that gzip sends in a few kilobytes.
        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() =>
            Pipeline(o => o.MaxResponseBytes = 64 * 1024).SendAsync(new ApiRequest(HttpMethod.Get, "encoded/gzip/huge"), TestJsonContext.Default.Thing, TestContext.Current.CancellationToken));

        Assert.Contains("exceeded the 65536-byte response size limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_encoding_the_client_did_not_ask_for_is_an_invalid_response()
    {
        var error = await Assert.ThrowsAsync<ChatApiInvalidResponseException>(() =>
            Pipeline().SendAsync(new ApiRequest(HttpMethod.Get, "encoded/deflate/thing"), TestJsonContext.Default.Thing, TestContext.Current.CancellationToken));

        Assert.Contains("was encoded as 'deflate', which the client did not ask for (it accepts gzip, br)", error.Message, StringComparison.Ordinal);
    }
}
