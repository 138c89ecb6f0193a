using System.Net;
using ChatApis.Testing;
using ChatApis.Testing.Tests.Support;

namespace ChatApis.Testing.Tests.Hosting;

/// <summary>/_admin/faults, on when <see cref="SimulatorHostOptions.AdminEndpoints"/> is: faults asked for over HTTP.</summary>
public sealed class FaultAdminTests : SimulatorTest
{
    protected override SimulatorHostOptions? CreateOptions() => new() { AdminEndpoints = true };

    [Fact]
    public async Task A_posted_spec_becomes_a_rule_that_the_next_requests_meet()
    {
        using var added = await Client.PostAsync("_admin/faults", new StringContent("503x2@GET /items"), Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("application/json", added.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"method":"GET","path":"/items","pending":true,"triggered":0,"fault":"503x2@GET /items","count":2}""", await added.Content.ReadAsStringAsync(Ct));
        var rule = Assert.Single(Sim.Faults.Rules);
        Assert.Equal(("GET", "/items"), (rule.Method, rule.Path));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Client.GetAsync("items", Ct);
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], statuses);
        Assert.Equal(2, rule.Triggered);
        Assert.False(rule.HasPending);
    }

    [Fact]
    public async Task The_spec_may_come_as_the_fault_query_parameter_and_always_is_reported_as_such()
    {
        using var added = await Client.PostAsync("_admin/faults?fault=" + Uri.EscapeDataString("429=1x*@/items"), content: null, Ct);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("""{"method":"*","path":"/items","pending":true,"triggered":0,"fault":"429=1x*@/items","count":"always"}""", await added.Content.ReadAsStringAsync(Ct));
        using var limited = await Client.GetAsync("items", Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal("1", Assert.Single(limited.Headers.GetValues("Retry-After")));
    }

    [Fact]
    public async Task Get_lists_the_rules_and_delete_clears_them()
    {
        Sim.Faults.On("POST", "/items").Once(Fault.Abort());
        using (await Client.PostAsync("_admin/faults", new StringContent("html"), Ct))
        {
        }

        using var listed = await Client.GetAsync("_admin/faults", Ct);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(
            """{"rules":[{"method":"POST","path":"/items","pending":true,"triggered":0},{"method":"*","path":"*","pending":true,"triggered":0}]}""",
            await listed.Content.ReadAsStringAsync(Ct));

        using var cleared = await Client.DeleteAsync("_admin/faults", Ct);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(Sim.Faults.Rules);
        using var after = await Client.GetAsync("items", Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task An_invalid_spec_is_a_400_with_the_reason_and_adds_nothing()
    {
        using var response = await Client.PostAsync("_admin/faults", new StringContent("teapot"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            $$"""{"error":"invalid_fault","message":"Invalid fault 'teapot': 'teapot' is not a fault. Syntax: {{FaultSpec.Syntax}}."}""",
            await response.Content.ReadAsStringAsync(Ct));
        Assert.Empty(Sim.Faults.Rules);
    }

    [Fact]
    public async Task Other_methods_are_refused_with_405()
    {
        using var response = await Client.PutAsync("_admin/faults", new StringContent("503"), Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(
            """{"error":"method_not_allowed","message":"Use GET (list), POST (add one rule, the body a fault spec) or DELETE (remove every rule)."}""",
            await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Admin_calls_are_not_journaled_and_a_fault_on_every_request_does_not_lock_the_admin_out()
    {
        Sim.Faults.OnAny().Always(Fault.Abort());

        using var listed = await Client.GetAsync("_admin/faults", Ct);
        using var cleared = await Client.DeleteAsync("_admin/faults", Ct);
        using var normal = await Client.GetAsync("items", Ct);

        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Equal(HttpStatusCode.OK, normal.StatusCode);
        Assert.Equal("/items", Assert.Single(Sim.Journal.Requests).Path);
    }

    [Fact]
    public async Task The_404_listing_includes_the_admin_routes()
    {
        using var response = await Client.GetAsync("nothing", Ct);

        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("""{"method":"DELETE","path":"/_admin/faults"},{"method":"GET","path":"/_admin/faults"},{"method":"POST","path":"/_admin/faults"},{"method":"GET","path":"/gated"}""", body, StringComparison.Ordinal);
    }
}
