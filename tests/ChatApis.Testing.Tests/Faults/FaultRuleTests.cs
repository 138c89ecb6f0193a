using System.Net;
using ChatApis.Testing;
using ChatApis.Testing.Tests.Support;

namespace ChatApis.Testing.Tests.Faults;

/// <summary>Which request gets which fault: matching, sequences and counting.</summary>
public sealed class FaultRuleTests : SimulatorTest
{
    [Fact]
    public async Task Once_applies_to_the_next_matching_request_only()
    {
        var rule = Sim.Faults.On("GET", "/items").Once(Fault.Status(503));

        Assert.Equal(new[] { 503, 200, 200 }, await GetStatuses("items", 3));
        Assert.Equal(1, rule.Triggered);
        Assert.False(rule.HasPending);
    }

    [Fact]
    public async Task Times_and_Then_are_consumed_in_order()
    {
        var rule = Sim.Faults.On("GET", "/items")
            .Times(2, Fault.Status(503))
            .Then(Fault.Status(429))
            .Then(Fault.EmptyBody(502));

        Assert.True(rule.HasPending);
        Assert.Equal(new[] { 503, 503, 429, 502, 200, 200 }, await GetStatuses("items", 6));
        Assert.Equal(4, rule.Triggered);
    }

    [Fact]
    public async Task Always_never_runs_out_and_nothing_can_follow_it()
    {
        var rule = Sim.Faults.On("GET", "/items").Once(Fault.Status(429)).Always(Fault.Status(503));

        Assert.Equal(new[] { 429, 503, 503, 503, 503 }, await GetStatuses("items", 5));
        Assert.Equal(5, rule.Triggered);
        Assert.True(rule.HasPending);
        Assert.Throws<InvalidOperationException>(() => rule.Then(Fault.Status(500)));
    }

    [Fact]
    public async Task Rules_are_checked_in_order_and_an_exhausted_rule_lets_the_next_one_match()
    {
        var specific = Sim.Faults.On("GET", "/items").Once(Fault.Status(503));
        var general = Sim.Faults.OnAny().Times(2, Fault.Status(500));

        Assert.Equal(new[] { 503, 500, 500, 200 }, await GetStatuses("items", 4));
        Assert.Equal(1, specific.Triggered);
        Assert.Equal(2, general.Triggered);
        Assert.Equal([specific, general], Sim.Faults.Rules);
    }

    [Fact]
    public async Task Method_and_path_must_both_match()
    {
        var rule = Sim.Faults.On("POST", "/items").Always(Fault.Status(503));

        Assert.Equal(new[] { 200 }, await GetStatuses("items", 1));
        Assert.Equal(new[] { 200 }, await GetStatuses("short", 1));
        using var post = await Client.PostAsync("items", JsonContent("{}"), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Equal(1, rule.Triggered);
    }

    [Fact]
    public async Task Paths_match_case_insensitively_and_a_trailing_star_matches_a_prefix()
    {
        var exact = Sim.Faults.On("get", "/ITEMS").Once(Fault.Status(501));
        var prefix = Sim.Faults.On("*", "/sh*").Always(Fault.Status(502));

        Assert.Equal(new[] { 501, 200 }, await GetStatuses("items", 2));
        Assert.Equal(new[] { 502, 502 }, await GetStatuses("short", 2));
        Assert.Equal(new[] { 200 }, await GetStatuses("stream", 1));
        Assert.Equal(1, exact.Triggered);
        Assert.Equal(2, prefix.Triggered);
    }

    [Fact]
    public async Task An_exact_path_does_not_match_longer_paths_or_query_strings_change_nothing()
    {
        var rule = Sim.Faults.On("GET", "/item").Always(Fault.Status(503));
        var withQuery = Sim.Faults.On("GET", "/short").Always(Fault.Status(504));

        Assert.Equal(new[] { 200 }, await GetStatuses("items", 1));
        Assert.Equal(new[] { 504 }, await GetStatuses("short?limit=5", 1));
        Assert.Equal(0, rule.Triggered);
        Assert.Equal(1, withQuery.Triggered);
    }

    [Fact]
    public async Task Clear_removes_every_rule()
    {
        Sim.Faults.OnAny().Always(Fault.Status(503));
        Assert.Equal(new[] { 503 }, await GetStatuses("items", 1));

        Sim.Faults.Clear();

        Assert.Empty(Sim.Faults.Rules);
        Assert.Equal(new[] { 200 }, await GetStatuses("items", 1));
    }

    [Fact]
    public async Task The_journal_records_requests_that_a_fault_answered()
    {
        Sim.Faults.OnAny().Once(Fault.Status(503));

        await GetStatuses("items?attempt=1", 1);

        Assert.Equal("1", Assert.Single(Sim.Journal.Requests).Query["attempt"]);
    }

    [Fact]
    public async Task Concurrent_requests_each_consume_a_different_step()
    {
        var rule = Sim.Faults.On("GET", "/items").Times(5, Fault.Status(503));

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Client.GetAsync("items", Ct)));

        Assert.Equal(5, responses.Count(r => r.StatusCode == HttpStatusCode.ServiceUnavailable));
        Assert.Equal(15, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, rule.Triggered);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public void Rules_reject_invalid_arguments()
    {
        var rule = Sim.Faults.On("GET", "/items");

        Assert.Throws<ArgumentOutOfRangeException>(() => rule.Times(0, Fault.Status(503)));
        Assert.Throws<ArgumentNullException>(() => rule.Once(null!));
        Assert.Throws<ArgumentException>(() => Sim.Faults.On("", "/items"));
        Assert.Throws<ArgumentException>(() => Sim.Faults.On("GET", ""));
        Assert.False(rule.HasPending);
    }

    private async Task<int[]> GetStatuses(string path, int count)
    {
        var statuses = new int[count];
        for (var i = 0; i < count; i++)
        {
            using var response = await Client.GetAsync(path, Ct);
            statuses[i] = (int)response.StatusCode;
        }

        return statuses;
    }
}
