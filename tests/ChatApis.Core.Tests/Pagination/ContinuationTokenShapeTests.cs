using System.Buffers.Text;
using System.Net;
using System.Text;
using System.Text.Json;
using ChatApis.Http;
using ChatApis.Pagination;

namespace ChatApis.Core.Tests.Pagination;

/// <summary>What a continuation token is made of: compact base64url text holding only the walk's position.</summary>
public class ContinuationTokenShapeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PagingStyle.OneBasedPages, 48)]
    [InlineData(PagingStyle.ZeroBasedPages, 48)]
    [InlineData(PagingStyle.TimeKeyset, 300)]
    public async Task Tokens_are_compact_url_safe_ascii(PagingStyle style, int maxLength)
    {
        var pages = await new PagingSource(style).Pageable().AsPages(Ct).ToListAsync(Ct);

        foreach (var token in pages.Select(p => p.ContinuationToken).OfType<string>())
        {
            Assert.InRange(token.Length, 1, maxLength);
            Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_', $"'{c}' in {token}"));
            Assert.Equal(token, Uri.EscapeDataString(token));
        }
    }

    [Fact]
    public async Task A_numbered_token_holds_the_version_the_style_the_page_size_and_the_next_page_only()
    {
        var pages = await new PagingSource(PagingStyle.ZeroBasedPages).Pageable().AsPages(Ct).Take(3).ToListAsync(Ct);

        var (version, kind, json) = Open(pages[2].ContinuationToken!);

        Assert.Equal(1, version);
        Assert.Equal((byte)ContinuationKind.ZeroBasedPages, kind);
        Assert.Equal("""{"size":4,"next":3}""", json);
    }

    [Fact]
    public async Task A_time_keyset_token_holds_the_bound_the_ladder_and_the_ids_seen_near_the_bound_only()
    {
        var first = await new PagingSource(PagingStyle.TimeKeyset).Pageable().AsPages(Ct).FirstAsync(Ct);

        var (version, kind, json) = Open(first.ContinuationToken!);

        Assert.Equal(1, version);
        Assert.Equal((byte)ContinuationKind.TimeKeyset, kind);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(["size", "max", "sec", "bound", "ask", "rung", "incl", "asked", "seen"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, root.GetProperty("size").GetInt32());
        Assert.Equal(10, root.GetProperty("max").GetInt32());

        // Page 1 is i00..i03 (T0, T0, T0 - 1 s, T0 - 1 s): the walk has reached second T0 - 1 s and asks next
        // for everything before T0 (1 s after it, in ticks); it keeps the ids of that second and the one after
        // it (grouped by their time from that second) to drop what comes back again.
        var t0 = new DateTimeOffset(2025, 1, 20, 16, 0, 0, TimeSpan.Zero);
        Assert.Equal(t0.AddSeconds(-1).ToUnixTimeSeconds(), root.GetProperty("sec").GetInt64());
        Assert.Equal(TimeSpan.TicksPerSecond, root.GetProperty("bound").GetInt64());
        Assert.Equal(4, root.GetProperty("ask").GetInt32());
        Assert.Equal(0, root.GetProperty("rung").GetInt32());
        Assert.False(root.GetProperty("incl").GetBoolean());
        Assert.Equal(
            """{"b":null,"s":4,"n":10000000}""",
            Assert.Single(root.GetProperty("asked").EnumerateArray()).GetRawText());
        Assert.Equal(
            """[{"at":0,"ids":["i02","i03"]},{"at":10000000,"ids":["i00","i01"]}]""",
            root.GetProperty("seen").GetRawText());
    }

    [Fact]
    public async Task A_time_keyset_token_names_the_callers_window_when_there_is_one()
    {
        var createdTo = new DateTimeOffset(2025, 1, 20, 15, 59, 58, 500, TimeSpan.Zero);
        var createdFrom = createdTo.AddDays(-1);
        var first = await new PagingSource(PagingStyle.TimeKeyset, createdTo, createdFrom).Pageable().AsPages(Ct).FirstAsync(Ct);

        using var document = JsonDocument.Parse(Open(first.ContinuationToken!).Json);

        Assert.Equal(createdTo.UtcTicks, document.RootElement.GetProperty("start").GetInt64());
        Assert.Equal(createdFrom.UtcTicks, document.RootElement.GetProperty("after").GetInt64());
    }

    [Fact]
    public async Task The_same_position_gives_the_same_token()
    {
        var a = await new PagingSource(PagingStyle.TimeKeyset).Pageable().AsPages(Ct).Take(3).ToListAsync(Ct);
        var b = await new PagingSource(PagingStyle.TimeKeyset).Pageable().AsPages(Ct).Take(3).ToListAsync(Ct);

        Assert.Equal(a.Select(p => p.ContinuationToken), b.Select(p => p.ContinuationToken));
        Assert.Equal(3, a.Select(p => p.ContinuationToken).Distinct().Count());
    }

    [Fact]
    public async Task A_pageable_built_from_pages_resumes_after_the_page_holding_the_token()
    {
        var response = new ApiResponse(HttpStatusCode.OK, null, null, 1, null);
        var pageable = AsyncPageable<int>.FromPages(
        [
            new Page<int>([1, 2], response, 1, true, "after-1"),
            new Page<int>([3, 4], response, 2, true, "after-2"),
            new Page<int>([5], response, 3, false, null),
        ]);

        var resumed = await pageable.AsPages("after-1", Ct).ToListAsync(Ct);
        var all = await pageable.AsPages(null, Ct).ToListAsync(Ct);

        Assert.Equal([3, 4, 5], resumed.SelectMany(p => p.Items));
        Assert.Equal([1, 2, 3, 4, 5], all.SelectMany(p => p.Items));
        Assert.Equal("continuationToken", Assert.Throws<ArgumentException>(() => pageable.AsPages("after-9", Ct)).ParamName);
    }

    [Fact]
    public async Task A_pageable_that_does_not_resume_starts_over_for_null_and_refuses_any_token()
    {
        var pageable = new OneShotPageable();

        var pages = await pageable.AsPages(null, Ct).ToListAsync(Ct);

        Assert.Equal([7], Assert.Single(pages).Items);
        Assert.Null(pages[0].ContinuationToken);
        Assert.Equal("continuationToken", Assert.Throws<ArgumentException>(() => pageable.AsPages("anything", Ct)).ParamName);
    }

    [Fact]
    public void The_last_page_hands_out_no_token()
    {
        var response = new ApiResponse(HttpStatusCode.OK, null, null, 1, null);

        Assert.Equal("continuationToken", Assert.Throws<ArgumentException>(() => new Page<int>([1], response, 1, false, "x")).ParamName);
        Assert.Null(new Page<int>([1], response, 1, true).ContinuationToken);
    }

    private static (byte Version, byte Kind, string Json) Open(string token)
    {
        var bytes = Base64Url.DecodeFromChars(token);
        return (bytes[0], bytes[1], Encoding.UTF8.GetString(bytes, 2, bytes.Length - 2 - 8));
    }

    // A pageable written before continuation tokens existed: it overrides only AsPages(CancellationToken).
    private sealed class OneShotPageable : AsyncPageable<int>
    {
        public override async IAsyncEnumerable<Page<int>> AsPages([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.Yield();
            yield return new Page<int>([7], new ApiResponse(HttpStatusCode.OK, null, null, 1, null), null, false);
        }
    }
}
