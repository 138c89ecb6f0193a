using System.Net;
using ChatApis.Chatting.Tests.Support;
using ChatApis.Testing;
using ChatApis.Testing.Chatting;

namespace ChatApis.Chatting.Tests;

public sealed class ContactTests : ChattingTestBase
{
    private static ChattingNewContact DocumentedContact() => new("lead@example.com")
    {
        Name = "Ava Brooks",
        Phone = "+1 555 111 2222",
        Company = "Acme",
        Status = "lead",
        Tags = ["vip", "demo"],
        CustomFields = new Dictionary<string, string> { ["crm_owner"] = "tina" },
    };

    [Fact]
    public async Task CreateContact_sends_the_documented_body_with_a_generated_key_and_reads_every_field()
    {
        var response = await Client.CreateContactAsync(DocumentedContact(), cancellationToken: Ct);

        var request = Assert.Single(Sim.Journal.Requests);
        AssertRequest(request, "POST", "/api/zapier/contacts");
        AssertJsonBody(request, Compact(Fixture("create-contact-request.json")));
        var key = request.Headers["Idempotency-Key"];
        // Core makes the key (one per call): a GUID in its 32-hex-digit form.
        Assert.True(Guid.TryParseExact(key, "N", out _), key);
        Assert.Equal(key, response.IdempotencyKey);

        // The documents' contact is the simulator's seeded one: the same email finds the same id.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var contact = response.Value;
        Assert.True(contact.Ok);
        Assert.Equal("contact_123", contact.Id);
        Assert.Equal("lead@example.com", contact.Email);
        Assert.Equal("Ava Brooks", contact.Name);
        Assert.Equal(DocumentDay, contact.CreatedAt);
        Assert.Equal(TimeSpan.Zero, contact.CreatedAt.Offset);
    }

    [Fact]
    public async Task CreateContact_reads_the_documented_answer_served_verbatim()
    {
        Sim.Faults.On("POST", "/api/zapier/contacts").Once(Fault.ReplaceBody(Fixture("create-contact-response.json"), "application/json"));

        ChattingCreatedContact contact = await Client.CreateContactAsync(new ChattingNewContact("someone@example.com"), cancellationToken: Ct);

        Assert.True(contact.Ok);
        Assert.Equal("contact_123", contact.Id);
        Assert.Equal("lead@example.com", contact.Email);
        Assert.Equal("Ava Brooks", contact.Name);
        Assert.Equal(new DateTimeOffset(2026, 4, 9, 0, 0, 0, TimeSpan.Zero), contact.CreatedAt);
    }

    [Fact]
    public async Task CreateContact_with_only_an_email_sends_only_the_email_and_stores_a_new_contact()
    {
        SimClock.Advance(TimeSpan.FromMinutes(90));

        ChattingCreatedContact contact = await Client.CreateContactAsync(new ChattingNewContact("new.lead@example.com"), cancellationToken: Ct);

        AssertJsonBody(Sim.Journal.Last, """{"email":"new.lead@example.com"}""");
        Assert.Equal("contact_124", contact.Id);
        Assert.Equal("new.lead@example.com", contact.Email);
        Assert.Null(contact.Name);
        Assert.Equal(DocumentDay.AddMinutes(90), contact.CreatedAt);
        var stored = Assert.Single(Sim.Contacts, c => c.Email == "new.lead@example.com");
        Assert.Equal(ChattingSimulator.WorkspaceId, stored.WorkspaceId);
        Assert.Empty(stored.Tags);
    }

    [Fact]
    public async Task CreateContact_stores_tags_and_custom_fields()
    {
        var contact = new ChattingNewContact("maya@example.com")
        {
            Name = "Maya Ortiz",
            Company = "Globex",
            Tags = ["trial"],
            CustomFields = new Dictionary<string, string> { ["plan"] = "pro", ["seats"] = "12" },
        };

        ChattingCreatedContact created = await Client.CreateContactAsync(contact, cancellationToken: Ct);

        AssertJsonBody(Sim.Journal.Last, """{"email":"maya@example.com","name":"Maya Ortiz","company":"Globex","tags":["trial"],"customFields":{"plan":"pro","seats":"12"}}""");
        var stored = Assert.Single(Sim.Contacts, c => c.Id == created.Id);
        Assert.Equal(["trial"], stored.Tags);
        Assert.Equal("pro", stored.CustomFields["plan"]);
        Assert.Equal("12", stored.CustomFields["seats"]);
        Assert.Equal("Globex", stored.Company);
    }

    [Fact]
    public async Task A_workspace_without_a_primary_site_is_a_conflict()
    {
        var client = CreateClient(ChattingSimulator.NoSiteApiKey);

        var error = await Assert.ThrowsAsync<ChatApiConflictException>(() => client.CreateContactAsync(new ChattingNewContact("x@example.com"), cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.Conflict, error.StatusCode);
        Assert.Equal(ChattingErrorCode.WorkspaceSiteMissing, error.GetChattingErrorCode());
        Assert.Single(Sim.Journal.Requests);
        Assert.Equal(0, Sim.ContactWrites);
    }

    [Fact]
    public async Task A_forbidden_write_target_is_a_permission_error()
    {
        Sim.FailNextContactCreate("contact-site-forbidden");

        var error = await Assert.ThrowsAsync<ChatApiPermissionException>(() => Client.CreateContactAsync(new ChattingNewContact("x@example.com"), cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal(ChattingErrorCode.ContactSiteForbidden, error.GetChattingErrorCode());
        Assert.DoesNotContain(Sim.Contacts, c => c.Email == "x@example.com");
    }

    [Fact]
    public async Task A_contact_that_cannot_be_loaded_back_is_not_found()
    {
        Sim.FailNextContactCreate("contact-not-found");

        var error = await Assert.ThrowsAsync<ChatApiNotFoundException>(() => Client.CreateContactAsync(new ChattingNewContact("x@example.com"), cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(ChattingErrorCode.ContactNotFound, error.GetChattingErrorCode());
        Assert.Single(Sim.Journal.Requests);
    }

    [Fact]
    public async Task A_failed_save_is_retried_with_the_same_key_and_succeeds()
    {
        Sim.FailNextContactCreate("contact-save-failed");

        var response = await Client.CreateContactAsync(new ChattingNewContact("retry@example.com"), cancellationToken: Ct);

        var attempts = Sim.Journal.Where("POST", "/api/zapier/contacts");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Headers["Idempotency-Key"], attempts[1].Headers["Idempotency-Key"]);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(Sim.Contacts, c => c.Email == "retry@example.com");
    }

    [Fact]
    public async Task A_save_that_keeps_failing_is_a_server_error()
    {
        var client = CreateClient(maxRetries: 0);
        Sim.FailNextContactCreate("contact-save-failed");

        var error = await Assert.ThrowsAsync<ChatApiServerException>(() => client.CreateContactAsync(new ChattingNewContact("x@example.com"), cancellationToken: Ct));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(ChattingErrorCode.ContactSaveFailed, error.GetChattingErrorCode());
        Assert.Equal(0, Sim.ContactWrites);
    }
}
