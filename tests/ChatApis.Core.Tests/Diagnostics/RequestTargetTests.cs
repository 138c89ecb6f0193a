using ChatApis.Http;
using ChatApis.Pipeline;

namespace ChatApis.Core.Tests.Diagnostics;

/// <summary>
/// How logs, spans and messages say where a call went: the path as the template under the base path, the query
/// as names only, never an id, a query value or the base address's user info.
/// </summary>
public class RequestTargetTests
{
    private static readonly ApiOperation Conversation = new(HttpMethod.Get, "chats/{chat_id}/conversations/{id}");
    private static readonly ApiOperation Token = new(HttpMethod.Post, "/oauth/token");

    [Fact]
    public void The_url_is_the_template_under_the_base_path_and_a_rooted_template_under_the_host()
    {
        var target = new RequestTarget(new Uri("https://app.example.com/api/v1/"));

        Assert.Equal("app.example.com", target.ServerAddress);
        Assert.Equal(443, target.ServerPort);
        Assert.Equal("app.example.com:443", target.HostAndPort);
        Assert.Equal("/api/v1/chats/{chat_id}/conversations/{id}", target.Template(Conversation));
        Assert.Equal("https://app.example.com/api/v1/chats/{chat_id}/conversations/{id}", target.Url(Conversation));
        Assert.Equal("/oauth/token", target.Template(Token));
        Assert.Equal("https://app.example.com/oauth/token", target.Url(Token));
    }

    [Fact]
    public void The_debug_url_keeps_the_query_names_and_drops_every_value_and_the_ids()
    {
        var target = new RequestTarget(new Uri("https://app.example.com/api/v1/"));
        var sent = new Uri("https://app.example.com/api/v1/chats/42/conversations/c-9?page=2&api_key=sk_live_secret&flag&=x");

        Assert.Equal("https://app.example.com/api/v1/chats/{chat_id}/conversations/{id}?page=*&api_key=*&flag=*&=*", target.UrlWithQueryNames(Conversation, sent));
        Assert.Equal("https://app.example.com/api/v1/chats/{chat_id}/conversations/{id}", target.UrlWithQueryNames(Conversation, new Uri("https://app.example.com/api/v1/chats/42/conversations/c-9")));
    }

    [Fact]
    public void User_info_never_appears_and_an_ipv6_host_is_bracketed_only_where_a_port_follows()
    {
        var target = new RequestTarget(new Uri("http://user:pass@[::1]:8080/v1/"));

        Assert.Equal("::1", target.ServerAddress);
        Assert.Equal(8080, target.ServerPort);
        Assert.Equal("[::1]:8080", target.HostAndPort);
        Assert.Equal("http://[::1]:8080/v1/chats/{chat_id}/conversations/{id}", target.Url(Conversation));
    }
}
