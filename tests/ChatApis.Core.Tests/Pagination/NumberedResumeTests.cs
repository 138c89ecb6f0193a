using System.Globalization;
using ChatApis.Core.Tests.Support;
using ChatApis.Http;
using ChatApis.Pagination;

namespace ChatApis.Core.Tests.Pagination;

/// <summary>
/// Resuming a numbered walk (1-based page numbers as Zipchat counts them, 0-based indexes as Vertext does)
/// from the token of any page, in a new pageable, against the simulator's /items.
/// </summary>
public class NumberedResumeTests : SimulatorTest
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PageNumbering.OneBased, 23, 5)]
    [InlineData(PageNumbering.ZeroBased, 23, 5)]
    [InlineData(PageNumbering.OneBased, 20, 5)]
    [InlineData(PageNumbering.ZeroBased, 20, 5)]
    [InlineData(PageNumbering.OneBased, 7, 1)]
    public async Task Resuming_after_any_page_in_a_new_pageable_continues_the_walk_exactly(PageNumbering numbering, int total, int perPage)
    {
        Sim.TotalItems = total;
        var full = await Items(numbering, perPage).AsPages(Ct).ToListAsync(Ct).AsTask().WaitAsync(Bound, Ct);
        var fullIds = full.SelectMany(p => p.Items).Select(t => t.Id).ToList();
        Assert.Equal(Enumerable.Range(0, total).Select(Text), fullIds);
        Assert.All(full[..^1], p => Assert.NotNull(p.ContinuationToken));
        Assert.Null(full[^1].ContinuationToken);

        for (var k = 0; k < full.Count - 1; k++)
        {
            Sim.Journal.Clear();

            var resumed = await Items(numbering, perPage).AsPages(full[k].ContinuationToken, Ct).ToListAsync(Ct).AsTask().WaitAsync(Bound, Ct);

            var walked = full.Take(k + 1).SelectMany(p => p.Items).Concat(resumed.SelectMany(p => p.Items)).Select(t => t.Id).ToList();
            Assert.Equal(fullIds, walked);
            Assert.Equal(full.Skip(k + 1).Select(p => p.PageNumber), resumed.Select(p => p.PageNumber));
            Assert.Equal(full.Skip(k + 1).Select(p => p.HasMore), resumed.Select(p => p.HasMore));
            Assert.Equal(full.Skip(k + 1).Select(p => p.ContinuationToken), resumed.Select(p => p.ContinuationToken));

            // The resumed walk asks for exactly the pages the first walk asked for after page k, nothing before.
            var first = (int)numbering;
            Assert.Equal(
                Enumerable.Range(first + k + 1, full.Count - k - 1).Select(n => Query(numbering, n, perPage)),
                Sim.Journal.Requests.Select(r => r.QueryString));
        }
    }

    [Fact]
    public async Task The_walk_hands_out_tokens_for_the_page_that_follows()
    {
        Sim.TotalItems = 12;

        var pages = await Items(PageNumbering.OneBased, 5).AsPages(Ct).ToListAsync(Ct).AsTask().WaitAsync(Bound, Ct);

        Assert.Equal([1, 2, 3], pages.Select(p => p.PageNumber!.Value));
        Assert.Equal([true, true, false], pages.Select(p => p.HasMore));
        Assert.Equal([true, true, false], pages.Select(p => p.ContinuationToken is not null));
        Assert.NotEqual(pages[0].ContinuationToken, pages[1].ContinuationToken);
    }

    [Theory]
    [InlineData(PageNumbering.OneBased)]
    [InlineData(PageNumbering.ZeroBased)]
    public async Task Resuming_from_the_page_before_an_empty_last_page_yields_that_empty_page_and_ends(PageNumbering numbering)
    {
        // 10 items in pages of 5: the second page is full, so the walk asks once more and gets an empty page.
        Sim.TotalItems = 10;
        var full = await Items(numbering, 5).AsPages(Ct).ToListAsync(Ct).AsTask().WaitAsync(Bound, Ct);
        Sim.Journal.Clear();

        var resumed = await Items(numbering, 5).AsPages(full[1].ContinuationToken, Ct).ToListAsync(Ct).AsTask().WaitAsync(Bound, Ct);

        var page = Assert.Single(resumed);
        Assert.Empty(page.Items);
        Assert.False(page.HasMore);
        Assert.Null(page.ContinuationToken);
        Assert.Equal((int)numbering + 2, page.PageNumber);
        Assert.Equal([Query(numbering, (int)numbering + 2, 5)], Sim.Journal.Requests.Select(r => r.QueryString));
    }

    [Fact]
    public async Task A_null_token_starts_from_the_first_page()
    {
        Sim.TotalItems = 7;

        var pages = await Items(PageNumbering.ZeroBased, 3).AsPages(null, Ct).ToListAsync(Ct).AsTask().WaitAsync(Bound, Ct);

        Assert.Equal([0, 1, 2], pages.Select(p => p.PageNumber!.Value));
        Assert.Equal(["?page=0&per_page=3&base=0", "?page=1&per_page=3&base=0", "?page=2&per_page=3&base=0"], Sim.Journal.Requests.Select(r => r.QueryString));
    }

    [Fact]
    public async Task The_legacy_constructor_reads_the_numbering_from_the_first_page()
    {
        // firstPage 1 is a 1-based walk and firstPage 0 a 0-based one, so their tokens do not mix.
        Sim.TotalItems = 12;
        var pipeline = TestVendor.Pipeline(Sim);
        NumberedPageable<Thing> Legacy(int firstPage) => new(
            (page, ct) => pipeline.ListItemsAsync(page, 5, zeroBased: false, ct),
            firstPage,
            5);
        var oneBased = await Legacy(1).AsPages(Ct).FirstAsync(Ct).AsTask().WaitAsync(Bound, Ct);
        var requests = Sim.Journal.Count;

        Assert.Equal(1, requests);
        Assert.Equal("continuationToken", Assert.Throws<ArgumentException>(() => Legacy(0).AsPages(oneBased.ContinuationToken, Ct)).ParamName);
        var resumed = await Legacy(1).AsPages(oneBased.ContinuationToken, Ct).Select(p => p.PageNumber!.Value).ToListAsync(Ct).AsTask().WaitAsync(Bound, Ct);
        Assert.Equal([2, 3], resumed);
        Assert.Equal(["?page=1&per_page=5", "?page=2&per_page=5", "?page=3&per_page=5"], Sim.Journal.Requests.Select(r => r.QueryString));
    }

    private NumberedPageable<Thing> Items(PageNumbering numbering, int perPage)
    {
        var pipeline = TestVendor.Pipeline(Sim);
        return new NumberedPageable<Thing>(
            (page, ct) => pipeline.ListItemsAsync(page, perPage, numbering == PageNumbering.ZeroBased, ct),
            numbering,
            (int)numbering,
            perPage,
            Ct);
    }

    private static string Query(PageNumbering numbering, int page, int perPage) =>
        $"?page={Text(page)}&per_page={Text(perPage)}" + (numbering == PageNumbering.ZeroBased ? "&base=0" : "");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
