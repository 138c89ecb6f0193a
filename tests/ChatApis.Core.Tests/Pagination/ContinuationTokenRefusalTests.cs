using System.Buffers.Text;
using System.Text;
using ChatApis.Pagination;

namespace ChatApis.Core.Tests.Pagination;

/// <summary>
/// Every kind of bad continuation token is refused with an <see cref="ArgumentException"/> naming
/// <c>continuationToken</c>, at the <c>AsPages</c> call, before any request.
/// </summary>
public class ContinuationTokenRefusalTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 20, 16, 0, 0, TimeSpan.Zero);

    public static TheoryData<PagingStyle, string> MalformedCases()
    {
        var data = new TheoryData<PagingStyle, string>();
        foreach (var style in Enum.GetValues<PagingStyle>())
        {
            foreach (var token in new[] { "", " ", "not a token!", "abc+def/", "AAAA====", "é", Base64Url.EncodeToString(Encoding.UTF8.GetBytes("{\"size\":4,\"next\":2}")), Base64Url.EncodeToString(new byte[64]) })
            {
                data.Add(style, token);
            }
        }

        return data;
    }

    public static TheoryData<PagingStyle, PagingStyle> ForeignCases()
    {
        var data = new TheoryData<PagingStyle, PagingStyle>();
        foreach (var issuer in Enum.GetValues<PagingStyle>())
        {
            foreach (var resumer in Enum.GetValues<PagingStyle>().Where(s => s != issuer))
            {
                data.Add(issuer, resumer);
            }
        }

        return data;
    }

    public static TheoryData<PagingStyle> Styles() => new(Enum.GetValues<PagingStyle>());

    [Theory]
    [MemberData(nameof(MalformedCases))]
    public void A_malformed_token_is_refused_before_any_request(PagingStyle style, string token)
    {
        AssertRefused(new PagingSource(style), token);
    }

    [Theory]
    [MemberData(nameof(ForeignCases))]
    public async Task A_token_of_another_paging_style_is_refused_before_any_request(PagingStyle issuer, PagingStyle resumer)
    {
        var token = await new PagingSource(issuer).FirstTokenAsync();

        var error = AssertRefused(new PagingSource(resumer), token);

        Assert.Contains("was issued by a listing paged by", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task A_token_for_another_page_size_is_refused_before_any_request(PagingStyle style)
    {
        var source = new PagingSource(style);
        var token = await source.FirstTokenAsync(pageSize: 4);

        var error = AssertRefused(source, token, pageSize: 5);

        Assert.Contains("pages of 4 items but this listing asks for 5", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task A_token_with_a_character_changed_is_refused_before_any_request(PagingStyle style)
    {
        var source = new PagingSource(style);
        var token = await source.FirstTokenAsync();
        var middle = token.Length / 2;
        var altered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        AssertRefused(source, altered);
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task A_token_whose_state_was_edited_is_refused_before_any_request(PagingStyle style)
    {
        // The page number (or page size) rewritten in the JSON without the checksum that goes with it.
        var source = new PagingSource(style);
        var bytes = Base64Url.DecodeFromChars(await source.FirstTokenAsync());
        var text = Encoding.UTF8.GetString(bytes);
        var at = text.IndexOf("\"size\":4", StringComparison.Ordinal);
        Assert.True(at > 0, text);
        bytes[at + "\"size\":".Length] = (byte)'8';

        var error = AssertRefused(source, Base64Url.EncodeToString(bytes));

        Assert.Contains("checksum", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task A_cut_token_is_refused_before_any_request(PagingStyle style)
    {
        var source = new PagingSource(style);
        var token = await source.FirstTokenAsync();

        AssertRefused(source, token[..^4]);
        AssertRefused(source, token[..8]);
        AssertRefused(source, token + "AA");
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task A_token_spelled_differently_is_refused_even_when_it_decodes_alike(PagingStyle style)
    {
        var source = new PagingSource(style);
        var token = await source.FirstTokenAsync();

        // Padding, or another last character carrying the same bits: one position has one spelling.
        AssertRefused(source, token + "=");
        if (token.Length % 4 is 2 or 3)
        {
            const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            var last = Alphabet.IndexOf(token[^1], StringComparison.Ordinal);
            AssertRefused(source, token[..^1] + Alphabet[last ^ 1]);
        }
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task A_token_of_another_format_version_is_refused_before_any_request(PagingStyle style)
    {
        var source = new PagingSource(style);
        var bytes = Base64Url.DecodeFromChars(await source.FirstTokenAsync());
        bytes[0] = 2;

        var error = AssertRefused(source, Base64Url.EncodeToString(bytes));

        Assert.Contains("format version 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PagingStyle.OneBasedPages, 1)]
    [InlineData(PagingStyle.OneBasedPages, 0)]
    [InlineData(PagingStyle.OneBasedPages, -3)]
    [InlineData(PagingStyle.ZeroBasedPages, 0)]
    [InlineData(PagingStyle.ZeroBasedPages, -1)]
    public void A_checksummed_token_pointing_at_an_impossible_page_is_refused(PagingStyle style, int nextPage)
    {
        var kind = style == PagingStyle.OneBasedPages ? ContinuationKind.OneBasedPages : ContinuationKind.ZeroBasedPages;
        var token = ContinuationTokenCodec.Encode(kind, new NumberedContinuation { PageSize = 4, NextPage = nextPage }, ContinuationJsonContext.Default.NumberedContinuation);

        AssertRefused(new PagingSource(style), token);
    }

    [Fact]
    public void A_checksummed_token_whose_state_belongs_to_another_style_is_refused()
    {
        // A numbered state under the time keyset's tag: its JSON lacks the keyset's members.
        var token = ContinuationTokenCodec.Encode(ContinuationKind.TimeKeyset, new NumberedContinuation { PageSize = 4, NextPage = 2 }, ContinuationJsonContext.Default.NumberedContinuation);

        var error = AssertRefused(new PagingSource(PagingStyle.TimeKeyset), token);

        Assert.Contains("cannot read", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rung")]
    [InlineData("second")]
    [InlineData("size")]
    [InlineData("asked")]
    [InlineData("seen")]
    [InlineData("ticks")]
    [InlineData("after")]
    public async Task A_checksummed_time_keyset_token_holding_an_impossible_position_is_refused(string flaw)
    {
        var source = new PagingSource(PagingStyle.TimeKeyset, createdFrom: T0.AddDays(-1));
        var sound = Decode(await source.FirstTokenAsync());
        Assert.NotEmpty(sound.Seen);
        switch (flaw)
        {
            case "rung": sound.Rung = 4; break;
            case "second": sound.Second = long.MaxValue; break;
            case "size": sound.Size = 7; break;
            case "asked": sound.Asked.Clear(); break;
            case "seen": sound.Seen.Add(new TimeKeysetContinuation.SeenAt { At = 5, Ids = [sound.Seen[0].Ids[0]] }); break;
            case "ticks": sound.Bound = long.MaxValue; break;
            default: sound.Bound = -TimeSpan.FromDays(2).Ticks; break;
        }

        var token = ContinuationTokenCodec.Encode(ContinuationKind.TimeKeyset, sound, ContinuationJsonContext.Default.TimeKeysetContinuation);

        AssertRefused(source, token);
    }

    [Fact]
    public async Task A_time_keyset_token_resumed_under_another_window_or_largest_page_is_refused()
    {
        var window = new PagingSource(PagingStyle.TimeKeyset, createdTo: T0.AddSeconds(-2), createdFrom: T0.AddDays(-1));
        var token = await window.FirstTokenAsync();

        AssertRefused(new PagingSource(PagingStyle.TimeKeyset, createdTo: T0.AddSeconds(-3), createdFrom: T0.AddDays(-1)), token);
        AssertRefused(new PagingSource(PagingStyle.TimeKeyset, createdTo: T0.AddSeconds(-2)), token);
        AssertRefused(new PagingSource(PagingStyle.TimeKeyset), token);
        var error = AssertRefused(window, token, maxPageSize: 20);

        Assert.Contains("largest page of 10 items but this listing allows 20", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public async Task The_sound_token_still_resumes_after_the_refusals(PagingStyle style)
    {
        // The refusals leave nothing behind: the same pageable resumes from the sound token.
        var source = new PagingSource(style);
        var token = await source.FirstTokenAsync();
        var pageable = source.Pageable();
        AssertRefused(source, token + "x");

        var pages = await pageable.AsPages(token, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(Enumerable.Range(4, 26).Select(i => $"i{i:00}"), pages.SelectMany(p => p.Items).Select(i => i.Id));
    }

    private static ArgumentException AssertRefused(PagingSource source, string token, int pageSize = 4, int maxPageSize = 10)
    {
        var before = source.Requests;
        var pageable = source.Pageable(pageSize, maxPageSize);

        // Refused by the call itself, not by the first MoveNextAsync: no enumeration is needed to see it.
        var error = Assert.Throws<ArgumentException>(() => pageable.AsPages(token, TestContext.Current.CancellationToken));

        Assert.Equal("continuationToken", error.ParamName);
        Assert.StartsWith("continuationToken ", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, source.Requests);
        return error;
    }

    private static TimeKeysetContinuation Decode(string token) =>
        ContinuationTokenCodec.Decode(token, ContinuationKind.TimeKeyset, ContinuationJsonContext.Default.TimeKeysetContinuation);
}
