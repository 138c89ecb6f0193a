using ChatApis.Auth;
using ChatApis.Core.Tests.Support;
using ChatApis.DependencyInjection;
using ChatApis.Http;

namespace ChatApis.Core.Tests.Http;

/// <summary>
/// A pipeline over <see cref="ChatApiHttp.CreateInvoker"/> (how a standalone client sends) sends exactly what
/// a pipeline over an HttpClient sends and reads the same answers; the primary handler leaves decoding to it.
/// </summary>
public class HandlerChainTests : SimulatorTest
{
    private ChatApiPipeline OverInvoker() =>
        new(ChatApiHttp.CreateHandler(new BearerTokenHandler("tok_123")), TestVendor.Profile(), TestVendor.Options(Sim));

    [Fact]
    public async Task A_GET_over_a_bare_handler_chain_sends_the_declared_request_and_reads_every_field()
    {
        var response = await OverInvoker().GetThingAsync("all", null, TestContext.Current.CancellationToken);

        var sent = Sim.Journal.Last;
        Assert.Equal("GET", sent.Method);
        Assert.Equal("/v1/thing", sent.Path);
        Assert.Equal("?expand=all", sent.QueryString);
        Assert.Equal("Bearer tok_123", sent.Headers["Authorization"]);
        Assert.Equal("gzip, br", sent.Headers["Accept-Encoding"]);
        Assert.Empty(sent.Body);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, response.Attempts);
        Assert.Equal("t1", response.Value.Id);
        Assert.Equal("Thing", response.Value.Name);
        Assert.Equal(3, response.Value.Count);
        Assert.True(response.Value.Active);
        Assert.Equal("""{"nested":[1,2]}""", Assert.Single(response.Value.AdditionalProperties!).Value.GetRawText());
    }

    [Fact]
    public async Task A_POST_over_a_bare_handler_chain_sends_its_JSON_body()
    {
        var response = await OverInvoker().CreateThingAsync("Widget", TestContext.Current.CancellationToken);

        var sent = Sim.Journal.Last;
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/v1/things", sent.Path);
        Assert.Equal("Bearer tok_123", sent.Headers["Authorization"]);
        Assert.StartsWith("application/json", sent.ContentType, StringComparison.Ordinal);
        Assert.Equal("""{"name":"Widget"}""", sent.Body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("thing_1", response.Value.Id);
        Assert.Equal("Widget", response.Value.Name);
        Assert.Equal(1, Sim.CreatedCount);
    }

    [Fact]
    public void The_primary_handler_leaves_decompression_to_the_pipeline()
    {
        using var handler = ChatApiHttp.CreatePrimaryHandler();

        Assert.Equal(System.Net.DecompressionMethods.None, handler.AutomaticDecompression);
        Assert.False(handler.AllowAutoRedirect);
    }

    [Fact]
    public void A_bare_handler_chain_needs_its_handlers() =>
        Assert.Equal("handlers", Assert.Throws<ArgumentNullException>(() => ChatApiHttp.CreateInvoker(null!)).ParamName);
}
